using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Definitions;

namespace OrgRestructure.Server.Features.Tasks;

public sealed record InboxItem(string CaseId, string District, string TaskId, int Step, string TitleVi, string TitleEn, DateTimeOffset DueAt, bool Overdue, string? Assignee, bool Mine);

/// <summary>My tasks (claimed by or assigned to me) and my group's (unclaimed, for my role, in my scope).</summary>
public sealed class Inbox(CaseService cases, TimeProvider clock)
{
    public async Task<IReadOnlyList<InboxItem>> ListAsync(Caller caller, bool? mine, bool? overdue, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var items = from c in await cases.ListAsync(caller, ct)
                    where c.Status == CaseStatus.Active
                    from t in c.OpenTasks
                    where CaseService.CanWork(caller, c, t)
                    let step = ProcedureDefinition.Formation.Step(t.Step)
                    let item = new InboxItem(c.CaseId, c.District, t.TaskId, t.Step, step.TitleVi, step.TitleEn, t.DueAt, t.DueAt < now, t.Assignee, t.Assignee == caller.UserName)
                    where (mine is null || item.Mine == mine) && (overdue is null || item.Overdue == overdue)
                    orderby item.DueAt
                    select item;
        return [.. items];
    }
}
