using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>
/// Where a case stands after a command, without its history: status, the step each committee is at
/// and the open tasks. What a command answers when its client sends <c>Prefer: return=minimal</c>
/// (RFC 7240) — an inbox that goes on to the next task needs no more, and the whole case
/// (<see cref="CaseView"/>, with every task and the narrated timeline) is ~140 KB for a 2025 unit of
/// fifteen committees, built and sent on every claim and completion.
/// </summary>
public sealed record CaseStanding(
    string CaseId,
    string Name,
    string Province,
    string District,
    string Status,
    int CurrentStep,
    IReadOnlyList<BranchView> Branches,
    IReadOnlyList<TaskView> OpenTasks,
    long Version,
    DateTimeOffset UpdatedAt)
{
    public static CaseStanding From(CaseState state, WorkflowDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var branches = CaseView.BranchesOf(state, definition);
        return new CaseStanding(
            state.CaseId, CaseView.NameOf(state), CaseView.ProvinceOf(state), CaseView.DistrictOf(state), state.Status.ToString(),
            CaseView.CurrentStepOf(branches), branches, CaseView.TasksOf(state, definition, state.Tasks.Values.Where(t => t.Status == WorkTaskStatus.Open), now),
            state.Version, state.UpdatedAt);
    }
}
