using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

public sealed class DecisionActivityTests
{
    [Fact]
    public async Task the_decision_form_offers_positions_by_their_names_and_stores_their_codes()
    {
        var c = await FormationCase.StartAsync();
        var state = await c.Driver.ThroughVettingAsync(c.BranchId);

        var position = EngineHarness.OpenTaskAt(state, "decision").Form.Single(f => f.Name == "appointees").Fields!.Single(f => f.Name == "position");

        Assert.Equal(["secretary", "deputy-secretary", "standing-committee", "executive-committee"], position.Options);
        Assert.Equal("Bí thư", position.OptionLabels!["secretary"].Vi);
        Assert.Equal("Standing committee member", position.OptionLabels["standing-committee"].En);
    }

    [Fact]
    public async Task a_decision_naming_someone_who_was_not_vetted_is_refused()
    {
        var c = await FormationCase.StartAsync();
        await c.Driver.ThroughVettingAsync(c.BranchId);
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", FormData.Decision("5-QĐ/HU", [.. FormationDriver.Slate, "Người Lạ"])));

        Assert.Equal("slate-not-vetted", ex.Code);
        Assert.Equal(422, ex.StatusHint);
        Assert.Contains("Người Lạ", ex.MessageEn, StringComparison.Ordinal);
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task a_decision_reached_without_the_vetting_step_is_refused()
    {
        var registry = new WorkflowDefinitionRegistry();
        registry.Register(TestDefinitions.Read(TestDefinitions.SkipsVetting));
        var harness = new EngineHarness(registry);
        var started = await harness.Engine.StartCaseAsync("skips-vetting", [], EngineHarness.StandingCommittee);
        var slate = await harness.Engine.CompleteTaskAsync(started.CaseId, EngineHarness.OpenTaskAt(started.State, "slate").Id, new() { ["note"] = "Bỏ qua thẩm định" }, EngineHarness.StandingCommittee);
        var task = EngineHarness.OpenTaskAt(slate.State, "decision");

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => harness.Engine.CompleteTaskAsync(started.CaseId, task.Id, FormData.Decision("1-QĐ/HU", ["Nguyễn Văn An"]), EngineHarness.StandingCommittee));

        Assert.Equal("slate-not-vetted", ex.Code);
        Assert.Contains("has not passed vetting", ex.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_standing_committee_is_refused_for_an_executive_committee_under_nine()
    {
        var c = await FormationCase.StartAsync();
        var slate = Enumerable.Range(1, 8).Select(i => $"Ủy viên {i}").ToArray();
        await c.Driver.ThroughVettingAsync(c.BranchId, slate);

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", FormData.Decision("6-QĐ/HU", slate.Select((n, i) => (n, i < 3 ? "standing-committee" : "executive-committee")))));

        Assert.Equal("standing-committee-too-small", ex.Code);
        Assert.Contains("Executive committee of 8 < 9 → no standing committee", ex.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_executive_committee_of_nine_may_have_a_standing_committee()
    {
        var c = await FormationCase.StartAsync();
        var slate = Enumerable.Range(1, 9).Select(i => $"Ủy viên {i}").ToArray();
        await c.Driver.ThroughVettingAsync(c.BranchId, slate);

        var state = await c.CompleteAsync("decision", FormData.Decision("6-QĐ/HU", slate.Select((n, i) => (n, i < 3 ? "standing-committee" : "executive-committee"))));

        Assert.Equal("announcement", state.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task an_announcement_of_a_decision_not_recorded_is_refused()
    {
        var c = await FormationCase.StartAsync();
        await c.Driver.ThroughVettingAsync(c.BranchId);
        await c.CompleteAsync("decision", FormData.Decision("5-QĐ/HU", FormationDriver.Slate));

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("announcement", FormData.Announcement("99-QĐ/HU")));

        Assert.Contains(ex.Problems, p => p.Field == "decisions[0]" && p.En == "decision 99-QĐ/HU is not recorded in this case");
    }
}
