using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

/// <summary>What step 5 may appoint, given steps 1–4: outcomes carried forward, seats and positions of the slate.</summary>
public sealed class DecisionChecksTests
{
    private static readonly string[] Slate = FormationDriver.Slate;
    private static readonly string Failed = Slate[2];
    private static JsonObject OverridePolicy => new() { ["failedCandidatePolicy"] = "override-with-reason" };

    /// <summary>Steps 1–4 where <see cref="Failed"/> gets 10 of 45 at the members' vote but is vetted "pass".</summary>
    private static async Task<FormationCase> FailedAtMembersVoteAsync(JsonObject? parameters = null)
    {
        var c = await FormationCase.StartAsync(parameters: parameters);
        await c.CompleteAsync("slate", FormData.Slate(Slate));
        var vote = FormData.Vote(Slate, 45, 40, 31);
        vote["tallies"]![2] = FormData.Tally(Failed, 10, 0, 30, 0);
        await c.CompleteAsync("members-vote", vote);
        await c.CompleteAsync("bloc-vote", FormData.BlocVote(Slate, 20, 18, 15));
        await c.CompleteAsync("vetting", FormData.Vetting(Slate));
        return c;
    }

    private static JsonObject Override(string candidate) => new()
    {
        ["candidate"] = candidate,
        ["decidedBy"] = "Hội nghị Ban Thường vụ Huyện ủy ngày 14/10/2014",
        ["reason"] = "Cần cán bộ có kinh nghiệm tài chính; tín nhiệm thấp do mới điều động",
    };

    [Fact]
    public async Task each_candidates_vote_results_are_in_the_case_state_and_shown_at_vetting()
    {
        var c = await FormationCase.StartAsync();
        await c.CompleteAsync("slate", FormData.Slate(Slate));
        var vote = FormData.Vote(Slate, 45, 40, 31);
        vote["tallies"]![2] = FormData.Tally(Failed, 10, 0, 30, 0);
        await c.CompleteAsync("members-vote", vote);
        var state = await c.CompleteAsync("bloc-vote", FormData.BlocVote(Slate, 20, 18, 15));

        var outcomes = state.Branches[c.BranchId].Outcomes;
        Assert.False(outcomes[Failed]["members-vote"].Passed);
        Assert.True(outcomes[Failed]["bloc-vote"].Passed);
        Assert.True(outcomes[Slate[0]]["members-vote"].Passed);
        var lines = EngineHarness.OpenTaskAt(state, "vetting").Context["outcomes"]!.AsArray();
        var failedLine = Assert.Single(lines, l => !l!["passed"]!.GetValue<bool>());
        Assert.Contains(Failed, failedLine!["explanation"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Step 2", failedLine["explanation"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task decision_refuses_candidate_who_failed_vote_naming_the_person_and_the_rule()
    {
        var c = await FailedAtMembersVoteAsync();
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", FormData.Decision("7-QĐ/HU", Slate)));

        Assert.Equal("failed-candidate-appointed", ex.Code);
        Assert.Equal(422, ex.StatusHint);
        Assert.Contains($"{Failed} failed an earlier step", ex.MessageEn, StringComparison.Ordinal);
        Assert.Contains("does not allow appointing a candidate who failed a confidence vote or vetting", ex.MessageEn, StringComparison.Ordinal);
        Assert.Contains($"{Failed} không đạt ở bước trước", ex.MessageVi, StringComparison.Ordinal);
        Assert.Contains(ex.Problems, p => p.Field == "appointees[2].name");
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task the_decision_task_lists_who_failed_and_by_default_offers_no_override()
    {
        var c = await FailedAtMembersVoteAsync();
        var task = EngineHarness.OpenTaskAt(await c.StateAsync(), "decision");

        Assert.DoesNotContain(task.Form, f => f.Name == "overrides");
        Assert.Contains(Failed, task.Context["failed"]!.AsArray().Single()!["explanation"]!["vi"]!.GetValue<string>(), StringComparison.Ordinal);
        var withOverride = FormData.Decision("7-QĐ/HU", Slate);
        withOverride["overrides"] = new JsonArray(Override(Failed));
        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", withOverride));
        Assert.Contains(ex.Problems, p => p.Field == "overrides");
    }

    [Fact]
    public async Task decision_leaving_out_the_failed_candidate_is_accepted()
    {
        var c = await FailedAtMembersVoteAsync();

        var state = await c.CompleteAsync("decision", FormData.Decision("7-QĐ/HU", Slate[..2]));

        Assert.Equal("announcement", state.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task with_override_with_reason_a_failed_candidate_is_refused_then_accepted_with_an_override_event()
    {
        var c = await FailedAtMembersVoteAsync(OverridePolicy);
        Assert.Contains(EngineHarness.OpenTaskAt(await c.StateAsync(), "decision").Form, f => f.Name == "overrides");

        var refused = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", FormData.Decision("8-QĐ/HU", Slate)));
        Assert.Contains("only with an override recorded by the standing committee (who decided, why)", refused.MessageEn, StringComparison.Ordinal);

        var data = FormData.Decision("8-QĐ/HU", Slate);
        data["overrides"] = new JsonArray(Override(Failed));
        var state = await c.CompleteAsync("decision", data);

        var recorded = Assert.Single(state.Branches[c.BranchId].Overrides);
        Assert.Equal(Failed, recorded.Candidate);
        Assert.Equal("Hội nghị Ban Thường vụ Huyện ủy ngày 14/10/2014", recorded.DecidedBy);
        Assert.Contains("members' confidence vote", Assert.Single(recorded.Failures).En, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(state.Branches[c.BranchId].Decisions.Single().Appointees, a => a.Name == Failed);
        var types = (await c.Harness.Store.ReadStreamAsync(c.CaseId)).Select(e => e.Type).ToList();
        Assert.True(types.IndexOf("candidate-override-recorded") < types.IndexOf("decision-recorded"));
        Assert.Contains(state.History, h => h.Kind == "candidate-override-recorded" && h.Detail!.Contains(Failed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task an_override_for_someone_who_did_not_fail_is_refused()
    {
        var c = await FailedAtMembersVoteAsync(OverridePolicy);
        var data = FormData.Decision("9-QĐ/HU", Slate);
        data["overrides"] = new JsonArray(Override(Failed), Override(Slate[0]));

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", data));

        Assert.Contains(ex.Problems, p => p.Field == "overrides[1].candidate" && p.En.StartsWith(Slate[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public async Task the_decision_appoints_at_most_the_slates_seats(int appointed, bool accepted)
    {
        // Five seats with one surplus candidate (3–5 seats allow one more); all six vetted.
        string[] slate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Võ Thị Hoa", "Đặng Văn Giang"];
        var c = await FormationCase.StartAsync();
        await c.CompleteAsync("slate", FormData.Slate(slate, executiveSeats: 5));
        await c.CompleteAsync("members-vote", FormData.Vote(slate, 45, 40, 31));
        await c.CompleteAsync("bloc-vote", FormData.BlocVote(slate, 20, 18, 15));
        await c.CompleteAsync("vetting", FormData.Vetting(slate));
        var decision = FormData.Decision("10-QĐ/HU", slate[..appointed]);

        if (accepted)
        {
            var state = await c.CompleteAsync("decision", decision);
            Assert.Equal(appointed, state.Branches[c.BranchId].Decisions.Single().Appointees.Count);
            return;
        }

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", decision));
        Assert.Equal("decision-exceeds-slate", ex.Code);
        Assert.Contains("6 executive committee members appointed, more than the 5 seats", ex.MessageEn, StringComparison.Ordinal);
        Assert.Contains(slate[5], ex.MessageEn, StringComparison.Ordinal);
        Assert.Contains("vượt 5 chỗ", ex.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_decision_appoints_one_secretary_and_no_more_deputies_than_the_slate_set()
    {
        var c = await FormationCase.StartAsync();
        await c.Driver.ThroughVettingAsync(c.BranchId);

        var twoSecretaries = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", FormData.Decision("11-QĐ/HU", Slate.Select(n => (n, n == Slate[2] ? "executive-committee" : "secretary")))));
        var twoDeputies = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", FormData.Decision("11-QĐ/HU", Slate.Select((n, i) => (n, i == 0 ? "secretary" : "deputy-secretary")))));

        Assert.Contains($"only one secretary may be appointed ({Slate[0]}, {Slate[1]})", twoSecretaries.MessageEn, StringComparison.Ordinal);
        Assert.Contains($"2 deputy secretaries appointed ({Slate[1]}, {Slate[2]}), more than the 1 the slate set", twoDeputies.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_candidate_rejected_at_vetting_in_an_earlier_round_stays_failed_for_the_decision()
    {
        var c = await FormationCase.StartAsync(parameters: OverridePolicy);
        await c.CompleteAsync("slate", FormData.Slate(Slate));
        await c.CompleteAsync("members-vote", FormData.Vote(Slate, 45, 40, 31));
        await c.CompleteAsync("bloc-vote", FormData.BlocVote(Slate, 20, 18, 15));
        await c.CompleteAsync("vetting", FormData.Vetting(Slate, Failed));
        string[] revised = [Slate[0], Slate[1], "Phạm Thị Dung"];
        await c.Driver.ThroughVettingAsync(c.BranchId, revised);

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", FormData.Decision("12-QĐ/HU", [revised[0], revised[1], Failed])));

        Assert.Equal("failed-candidate-appointed", ex.Code);
        Assert.Contains($"{Failed}: failed vetting", ex.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public async Task the_standing_committee_counts_secretary_and_deputy_within_the_slates_standing_seats(int standingMembers, bool accepted)
    {
        var slate = Enumerable.Range(1, 9).Select(i => $"Ủy viên {i}").ToArray();
        var c = await FormationCase.StartAsync();
        var slateData = FormData.Slate(slate);
        slateData["standingSeats"] = 3;
        await c.CompleteAsync("slate", slateData);
        await c.CompleteAsync("members-vote", FormData.Vote(slate, 45, 40, 31));
        await c.CompleteAsync("bloc-vote", FormData.BlocVote(slate, 20, 18, 15));
        await c.CompleteAsync("vetting", FormData.Vetting(slate));
        var decision = FormData.Decision("13-QĐ/HU", slate.Select((n, i) => (n, i switch
        {
            0 => "secretary",
            1 => "deputy-secretary",
            _ when i < 2 + standingMembers => "standing-committee",
            _ => "executive-committee",
        })));

        if (accepted)
        {
            var state = await c.CompleteAsync("decision", decision);
            Assert.Equal(9, state.Branches[c.BranchId].Decisions.Single().Appointees.Count);
            return;
        }

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", decision));
        Assert.Contains("the standing committee (secretary and deputies included) has 4 members, more than the 3 seats set (beyond the seats: Ủy viên 4)", ex.MessageEn, StringComparison.Ordinal);
    }
}
