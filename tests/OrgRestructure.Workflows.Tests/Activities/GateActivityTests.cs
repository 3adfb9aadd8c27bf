using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

public sealed class GateActivityTests
{
    [Fact]
    public async Task a_committee_of_thirty_members_goes_straight_to_the_slate()
    {
        var c = await FormationCase.StartAsync(members: 30);

        var state = await c.StateAsync();

        Assert.Equal("slate", state.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task a_committee_under_thirty_without_an_exception_must_record_the_higher_committees_consent()
    {
        var c = await FormationCase.StartAsync(members: 29);

        var state = await c.StateAsync();
        Assert.Equal("record-exception", state.Branches[c.BranchId].CurrentStepId);
        state = await c.CompleteAsync("record-exception", new() { ["consentDocument"] = "145-CV/TU", ["reason"] = "Khối nhỏ, đặc thù miền núi" });

        Assert.Equal("slate", state.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task a_committee_under_thirty_with_a_recorded_exception_passes_the_gate()
    {
        var harness = new EngineHarness();
        var input = FormData.FormationInput(FormData.Committee("ps-front", "Đảng bộ Khối Mặt trận Phước Sơn", 21, "Tỉnh ủy đồng ý tại văn bản 12-CV/TU"));

        var started = await harness.Engine.StartCaseAsync("party-committee-formation", input, EngineHarness.StandingCommittee);

        Assert.Single(started.State.OpenTasks, t => t.StepId == "slate");
    }
}
