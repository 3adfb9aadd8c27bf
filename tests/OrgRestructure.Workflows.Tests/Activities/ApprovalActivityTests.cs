using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

public sealed class ApprovalActivityTests
{
    /// <summary>Steps 1–3 done with every candidate passing; vetting is next.</summary>
    private static async Task<FormationCase> AtVettingAsync()
    {
        var c = await FormationCase.StartAsync();
        await c.AtBlocVoteAsync();
        await c.CompleteAsync("bloc-vote", FormData.BlocVote(FormationDriver.Slate, 20, 18, 15));
        return c;
    }

    [Fact]
    public async Task a_vetting_rejection_sends_the_slate_back_to_step_1_keeps_history_and_the_case_then_completes()
    {
        var c = await AtVettingAsync();

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
            ["province"] = "Quảng Nam",
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
    public async Task a_rejection_without_a_reason_is_refused_naming_the_candidate()
    {
        var c = await AtVettingAsync();
        var data = FormData.Vetting(FormationDriver.Slate, FormationDriver.Slate[1]);
        data["verdicts"]![1]!["reason"] = " ";
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<Workflows.Runtime.WorkflowRuleViolation>(() => c.CompleteAsync("vetting", data));

        Assert.Contains(ex.Problems, p => p.Field == "verdicts[1].reason" && p.En == $"{FormationDriver.Slate[1]} failed vetting: a reason is required");
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task an_approval_needs_no_reason_and_no_verdict_is_preset()
    {
        var c = await AtVettingAsync();
        var atVetting = await c.StateAsync();
        var verdicts = EngineHarness.OpenTaskAt(atVetting, "vetting").Form.Single(f => f.Name == "verdicts").Fields!;
        var data = FormData.Vetting(FormationDriver.Slate);
        foreach (var v in data["verdicts"]!.AsArray())
        {
            v!.AsObject().Remove("reason");
        }

        var state = await c.CompleteAsync("vetting", data);

        Assert.False(verdicts.Single(f => f.Name == "reason").Required);
        Assert.True(verdicts.Single(f => f.Name == "approved").Required);
        Assert.Equal("decision", state.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task a_verdict_left_unanswered_is_refused_not_taken_as_approved()
    {
        var c = await AtVettingAsync();
        var data = FormData.Vetting(FormationDriver.Slate);
        data["verdicts"]![0]!.AsObject().Remove("approved");

        var ex = await Assert.ThrowsAsync<Workflows.Runtime.WorkflowRuleViolation>(() => c.CompleteAsync("vetting", data));

        Assert.Contains(ex.Problems, p => p.Field == "verdicts[0].approved" && p.En == "is required");
    }

    [Fact]
    public async Task the_revised_slate_task_names_the_rejection_the_rejecter_and_the_candidates_concerned()
    {
        var c = await AtVettingAsync();
        var rejected = FormationDriver.Slate[1];

        var state = await c.CompleteAsync("vetting", FormData.Vetting(FormationDriver.Slate, rejected));

        var returned = EngineHarness.OpenTaskAt(state, "slate").Context["returned"]!;
        Assert.Equal("clerk-district-inspection-committee", returned["by"]!.GetValue<string>());
        Assert.Equal([rejected], returned["candidates"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("Chưa đủ tiêu chuẩn về thời gian công tác", returned["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Returned from “Step 4: Vetting and dossier” by clerk-district-inspection-committee", returned["explanation"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"nhân sự liên quan: {rejected}", returned["explanation"]!["vi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("slate", state.Branches[c.BranchId].PendingReturn?.ToStepId);
        state = await c.CompleteAsync("slate", FormData.Slate([FormationDriver.Slate[0], FormationDriver.Slate[2], "Phạm Thị Dung"]));
        Assert.Null(state.Branches[c.BranchId].PendingReturn);
        Assert.False(EngineHarness.OpenTaskAt(state, "members-vote").Context.ContainsKey("returned"));
    }
}
