using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>
/// One inbox row. <see cref="District"/> is the case's district or, for a 2025 unit case, the unit's id
/// (data); <see cref="Name"/> is what a clerk reads: the unit's name, else the district.
/// </summary>
public sealed record InboxItem(string CaseId, string District, string TaskId, string Branch, string StepId, int Step, string TitleVi, string TitleEn, DateTimeOffset? DueAt, bool Overdue, string? Assignee, bool Mine, string? UnitName = null)
{
    public string Name => UnitName ?? District;
}

/// <summary>
/// My tasks (claimed by or assigned to me) and my group's (unclaimed, for my role, in my scope):
/// one query of the open-tasks read model, with the same rule as <see cref="CaseService.CanWork"/>.
/// </summary>
public sealed class Inbox(CaseReadModel readModel, IWorkflowEngine engine, TimeProvider clock)
{
    public async Task<Page<InboxItem>> ListAsync(Caller caller, bool? mine, bool? overdue, int? limit, string? cursor, CancellationToken ct)
    {
        if (caller.IsReadOnly)
        {
            return new Page<InboxItem>([], null);
        }

        var now = clock.GetUtcNow();
        var filter = new TaskFilter(caller.UserName, Roles.EngineRole(caller.Role), caller.Role == Role.Administrator, mine, overdue);
        var page = await readModel.ListTasksAsync(CaseService.ScopeOf(caller), filter, now, limit, cursor, ct);
        return new Page<InboxItem>([.. page.Items.Select(t => From(t, caller, now))], page.NextCursor);
    }

    private InboxItem From(OpenTaskRow t, Caller caller, DateTimeOffset now)
    {
        var due = t.DueAt is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : (DateTimeOffset?)null;
        var step = engine.Definitions.Find(t.DefinitionId, t.DefinitionVersion)?.AllSteps.GetValueOrDefault(t.StepId);
        return new InboxItem(t.CaseId, t.District, t.TaskId, CaseView.CommitteeLabel(t.BranchId, t.BranchLabel, t.UnitName ?? t.District), t.StepId, CaseView.StepNumber(step), t.TitleVi, t.TitleEn, due, t.Missed || due < now, t.Assignee, t.Assignee == caller.UserName, t.UnitName);
    }
}
