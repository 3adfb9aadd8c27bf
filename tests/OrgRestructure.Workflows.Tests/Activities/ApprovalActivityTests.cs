using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

public sealed class ApprovalActivityTests
{
    [Fact]
    public async Task a_vetting_rejection_sends_the_slate_back_to_step_1_keeps_history_and_the_case_then_completes()
    {
        var c = await FormationCase.StartAsync();
        await c.CompleteAsync("slate", FormData.Slate(FormationDriver.Slate));
        await c.CompleteAsync("members-vote", FormData.Vote(FormationDriver.Slate, 45, 40, 31));
        await c.CompleteAsync("bloc-vote", FormData.Vote(FormationDriver.Slate, 20, 18, 15));

        var state = await c.CompleteAsync("vetting", FormData.Vetting(FormationDriver.Slate, "Lê Văn Cường"));

        var branch = state.Branches[c.BranchId];
        Assert.Equal("slate", branch.CurrentStepId);
        Assert.Equal(2, branch.Attempts["slate"]);
        Assert.DoesNotContain("vetting", branch.CompletedSteps);
        Assert.Contains(state.History, h => h.Kind == "step-returned" && h.StepId == "vetting" && h.Detail!.Contains("Lê Văn Cường", StringComparison.Ordinal));

        string[] revised = ["Nguyễn Văn An", "Trần Thị Bình", "Hồ Thị Lan"];
        await c.Driver.ThroughVettingAsync(c.BranchId, revised);
        state = await c.Driver.FromDecisionAsync(c.BranchId, "21-QĐ/HU", revised);

        Assert.Equal(CaseStatus.Completed, state.Status);
        var events = await c.Harness.Store.ReadStreamAsync(c.CaseId);
        Assert.Equal(6, events.Count(e => e.Type == "candidate-vetted"));
        Assert.Contains(events, e => e.Type == "candidate-vetted" && e.Data.Contains("\"approved\":false", StringComparison.Ordinal));
        Assert.Equal(2, state.Tasks.Values.Count(t => t.StepId == "slate" && t.Status == WorkTaskStatus.Completed));
    }

    [Fact]
    public async Task a_review_can_return_the_proposal_with_a_reason_or_reject_it()
    {
        var harness = new EngineHarness();
        var input = new System.Text.Json.Nodes.JsonObject
        {
            ["district"] = "Phước Sơn",
            ["receivingOrganization"] = "Đảng bộ Khối Chính quyền Phước Sơn",
            ["organizations"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = "ps-1", ["name"] = "Chi bộ Phòng Y tế", ["members"] = 4, ["action"] = "dissolve" }),
        };
        var started = await harness.Engine.StartCaseAsync("organization-merger", input, EngineHarness.OrganizationBoard);
        var proposal = new System.Text.Json.Nodes.JsonObject { ["reason"] = "Tinh gọn", ["plan"] = "Chuyển 4 đảng viên", ["effectiveDate"] = "2014-11-01" };
        var r = await harness.Engine.CompleteTaskAsync(started.CaseId, EngineHarness.OpenTaskAt(started.State, "proposal").Id, proposal, EngineHarness.OrganizationBoard);

        var review = EngineHarness.OpenTaskAt(r.State, "review");
        var returnTo = review.Form.Single(f => f.Name == "returnTo");
        Assert.Equal(harness.Registry.Get("organization-merger").Step("proposal").Title, returnTo.OptionLabels!["proposal"]);
        Assert.Equal("Không đồng ý", review.Form.Single(f => f.Name == "outcome").OptionLabels!["reject"].Vi);
        r = await harness.Engine.CompleteTaskAsync(started.CaseId, review.Id, new() { ["outcome"] = "return", ["reason"] = "Bổ sung phương án", ["returnTo"] = "proposal" }, EngineHarness.StandingCommittee);
        Assert.Equal("proposal", r.State.Branches[CaseState.RootBranchId].CurrentStepId);

        r = await harness.Engine.CompleteTaskAsync(started.CaseId, EngineHarness.OpenTaskAt(r.State, "proposal").Id, proposal, EngineHarness.OrganizationBoard);
        r = await harness.Engine.CompleteTaskAsync(started.CaseId, EngineHarness.OpenTaskAt(r.State, "review").Id, new() { ["outcome"] = "reject", ["reason"] = "Chưa phù hợp" }, EngineHarness.StandingCommittee);

        Assert.Equal(CaseStatus.Completed, r.State.Status);
        Assert.Equal("rejected", r.State.History.Last(h => h.Kind == "step-completed").Detail);
        Assert.DoesNotContain("decision", r.State.Branches[CaseState.RootBranchId].CompletedSteps);
    }

    [Fact]
    public async Task a_review_without_a_reason_is_refused()
    {
        var c = await FormationCase.StartAsync();
        await c.CompleteAsync("slate", FormData.Slate(FormationDriver.Slate));
        await c.CompleteAsync("members-vote", FormData.Vote(FormationDriver.Slate, 45, 40, 31));
        await c.CompleteAsync("bloc-vote", FormData.Vote(FormationDriver.Slate, 20, 18, 15));
        var data = FormData.Vetting(FormationDriver.Slate);
        data["verdicts"]![0]!["reason"] = " ";

        var ex = await Assert.ThrowsAsync<Workflows.Runtime.WorkflowRuleViolation>(() => c.CompleteAsync("vetting", data));

        Assert.Contains(ex.Problems, p => p.Field == "verdicts[0].reason" && p.En == "is required");
    }
}
