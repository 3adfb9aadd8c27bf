using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Tests.Support;

/// <summary>Walks one committee's branch of party-committee-formation through the public engine API.</summary>
public sealed class FormationDriver(EngineHarness harness, string caseId)
{
    public static readonly string[] Slate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];

    public WorkflowEngine Engine => harness.Engine;

    public async Task<CaseState> CompleteAsync(string branchId, string stepId, System.Text.Json.Nodes.JsonObject data, Actor? actor = null)
    {
        var state = await Engine.GetCaseAsync(caseId);
        var task = EngineHarness.OpenTaskAt(state, stepId, branchId);
        var result = await Engine.CompleteTaskAsync(caseId, task.Id, data, actor ?? new Actor("clerk-" + task.AssigneeRole, task.AssigneeRole));
        return result.State;
    }

    /// <summary>Steps 1–4 with every candidate passing (30 summoned: no committee has fewer members).</summary>
    public async Task<CaseState> ThroughVettingAsync(string branchId, IReadOnlyList<string>? slate = null)
    {
        slate ??= Slate;
        await CompleteAsync(branchId, "slate", FormData.Slate(slate), EngineHarness.StandingCommittee);
        await CompleteAsync(branchId, "members-vote", FormData.Vote(slate, 30, 28, 21), EngineHarness.OrganizationBoard);
        await CompleteAsync(branchId, "bloc-vote", FormData.BlocVote(slate, 20, 18, 15), EngineHarness.OrganizationBoard);
        return await CompleteAsync(branchId, "vetting", FormData.Vetting(slate), EngineHarness.InspectionCommittee);
    }

    /// <summary>Steps 5–7 and the first meeting.</summary>
    public async Task<CaseState> FromDecisionAsync(string branchId, string decisionNumber, IReadOnlyList<string>? slate = null)
    {
        slate ??= Slate;
        await CompleteAsync(branchId, "decision", FormData.Decision(decisionNumber, slate), EngineHarness.StandingCommittee);
        await CompleteAsync(branchId, "announcement", FormData.Announcement(decisionNumber), EngineHarness.OrganizationBoard);
        await CompleteAsync(branchId, "inspection-election", FormData.Election(3, slate.Count, slate.Count, slate.Select(n => (n, slate.Count)), slate[0]));
        return await CompleteAsync(branchId, "first-meeting", FormData.FirstMeeting());
    }
}
