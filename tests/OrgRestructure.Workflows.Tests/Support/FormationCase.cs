using System.Text.Json.Nodes;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Tests.Support;

/// <summary>A formation case with one committee, for tests that exercise one step.</summary>
public sealed class FormationCase
{
    private FormationCase(EngineHarness harness, string caseId, string branchId)
    {
        Harness = harness;
        CaseId = caseId;
        BranchId = branchId;
        Driver = new FormationDriver(harness, caseId);
    }

    public EngineHarness Harness { get; }

    public string CaseId { get; }

    public string BranchId { get; }

    public FormationDriver Driver { get; }

    public static async Task<FormationCase> StartAsync(int members = 45, string definition = "party-committee-formation", JsonObject? parameters = null, EngineHarness? harness = null)
    {
        harness ??= new EngineHarness();
        var input = FormData.FormationInput(FormData.Committee("dx-government", "Đảng bộ Khối Chính quyền Duy Xuyên", members));
        if (parameters is not null)
        {
            input["parameters"] = parameters;
        }

        var started = await harness.Engine.StartCaseAsync(definition, input, EngineHarness.StandingCommittee);
        return new FormationCase(harness, started.CaseId, started.State.Branches.Values.Single(b => b.ForEachStepId == "committees").Id);
    }

    public Task<CaseState> StateAsync() => Harness.Engine.GetCaseAsync(CaseId);

    public Task<CaseState> CompleteAsync(string stepId, JsonObject data) => Driver.CompleteAsync(BranchId, stepId, data);

    public async Task<long> VersionAsync() => await Harness.Store.GetStreamVersionAsync(CaseId);

    /// <summary>Slate and members' vote done; the bloc conference is next.</summary>
    public async Task AtBlocVoteAsync()
    {
        await CompleteAsync("slate", FormData.Slate(FormationDriver.Slate));
        await CompleteAsync("members-vote", FormData.Vote(FormationDriver.Slate, 45, 40, 31));
    }
}
