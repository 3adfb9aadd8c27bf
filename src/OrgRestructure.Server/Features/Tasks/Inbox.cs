using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;

namespace OrgRestructure.Server.Features.Tasks;

public sealed record InboxItem(string CaseId, string District, string TaskId, string Branch, string StepId, int Step, string TitleVi, string TitleEn, DateTimeOffset? DueAt, bool Overdue, string? Assignee, bool Mine);

/// <summary>My tasks (claimed by or assigned to me) and my group's (unclaimed, for my role, in my scope), from the engine's open tasks.</summary>
public sealed class Inbox(CaseService cases)
{
    public async Task<IReadOnlyList<InboxItem>> ListAsync(Caller caller, bool? mine, bool? overdue, CancellationToken ct)
    {
        var items = from c in await cases.ListAsync(caller, ct)
                    from t in c.OpenTasks
                    where CaseService.CanWork(caller, t)
                    let item = new InboxItem(c.CaseId, c.District, t.TaskId, t.Branch, t.StepId, t.Step, t.TitleVi, t.TitleEn, t.DueAt, t.Overdue, t.Assignee, t.Assignee == caller.UserName)
                    where (mine is null || item.Mine == mine) && (overdue is null || item.Overdue == overdue)
                    orderby item.DueAt, item.CaseId, item.Branch
                    select item;
        return [.. items];
    }
}
