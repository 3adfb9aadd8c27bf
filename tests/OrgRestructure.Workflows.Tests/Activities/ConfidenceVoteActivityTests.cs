using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

public sealed class ConfidenceVoteActivityTests
{
    private static readonly string[] Slate = FormationDriver.Slate;

    private static async Task<FormationCase> AtMembersVoteAsync()
    {
        var c = await FormationCase.StartAsync();
        await c.CompleteAsync("slate", FormData.Slate(Slate));
        return c;
    }

    private static JsonArray Results(Workflows.State.CaseState state, string step) =>
        state.Branches.Values.Single(b => b.Outputs[step] is not null).Outputs[step]!["results"]!.AsArray();

    [Fact]
    public async Task exactly_half_of_those_summoned_does_not_pass_without_the_heads_decision()
    {
        var c = await AtMembersVoteAsync();
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("members-vote", FormData.Vote(Slate, 40, 40, 20)));

        Assert.Equal("rule-violated", ex.Code);
        Assert.Contains(ex.Problems, p => p.Field == "headDecisions" && p.En.Contains("exactly at the threshold", StringComparison.Ordinal));
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task at_exactly_half_the_head_decides_and_who_and_why_are_recorded()
    {
        var c = await AtMembersVoteAsync();
        var heads = new JsonArray(Slate.Select(n => (JsonNode?)new JsonObject { ["candidate"] = n, ["passed"] = n != Slate[2], ["decidedBy"] = "Bí thư Huyện ủy", ["reason"] = "Cân nhắc cơ cấu" }).ToArray());

        var state = await c.CompleteAsync("members-vote", FormData.Vote(Slate, 40, 40, 20, heads: heads));

        var results = Results(state, "members-vote");
        Assert.True(results[0]!["passed"]!.GetValue<bool>());
        Assert.False(results[2]!["passed"]!.GetValue<bool>());
        Assert.Equal("Bí thư Huyện ủy", results[0]!["headDecidedBy"]!.GetValue<string>());
        Assert.Equal("Nguyễn Văn An: 20 of 40 summoned (50.0%) = 1/2 → the head decides: Bí thư Huyện ủy decided it passes — reason: Cân nhắc cơ cấu", results[0]!["explanation"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_head_decision_without_a_verdict_is_refused_naming_each_candidate_at_the_threshold()
    {
        var c = await AtMembersVoteAsync();
        var heads = new JsonArray(Slate.Select(n => (JsonNode?)new JsonObject { ["candidate"] = n, ["decidedBy"] = "Bí thư Huyện ủy", ["reason"] = "Cân nhắc cơ cấu" }).ToArray());
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("members-vote", FormData.Vote(Slate, 40, 40, 20, heads: heads)));

        Assert.Equal("head-verdict-missing", ex.Code);
        Assert.Equal(Slate.Select((_, i) => $"headDecisions[{i}].passed"), ex.Problems.Select(p => p.Field));
        Assert.StartsWith($"No verdict of the head (passes or fails) is chosen for {Slate[0]}: 20 of 40 summoned (50.0%) = 1/2 → the head decides", ex.MessageEn, StringComparison.Ordinal);
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task one_vote_more_than_half_of_those_summoned_passes()
    {
        var c = await AtMembersVoteAsync();

        var state = await c.CompleteAsync("members-vote", FormData.Vote(Slate, 40, 40, 21));

        var results = Results(state, "members-vote");
        Assert.All(results, r => Assert.True(r!["passed"]!.GetValue<bool>()));
        Assert.Equal("Nguyễn Văn An: 21 of 40 summoned (52.5%) > 1/2 → passes", results[0]!["explanation"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_denominator_is_those_summoned_not_those_present()
    {
        var c = await AtMembersVoteAsync();

        var state = await c.CompleteAsync("members-vote", FormData.Vote(Slate, 45, 40, 22));

        Assert.All(Results(state, "members-vote"), r => Assert.False(r!["passed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task attendance_just_under_two_thirds_makes_the_conference_invalid_and_it_is_reconvened()
    {
        var c = await AtMembersVoteAsync();

        var state = await c.CompleteAsync("members-vote", FormData.Vote(Slate, 45, 29, 25));

        var branch = state.Branches[c.BranchId];
        Assert.Equal("members-vote", branch.CurrentStepId);
        Assert.Equal(2, branch.Attempts["members-vote"]);
        Assert.Contains(state.History, h => h.Kind == "step-returned" && h.Detail!.Contains("29/45", StringComparison.Ordinal));
        var events = await c.Harness.Store.ReadStreamAsync(c.CaseId);
        var vote = events.Last(e => e.Type == "vote-recorded");
        Assert.Contains("\"conferenceValid\":false", vote.Data, StringComparison.Ordinal);
        Assert.Contains("Conference invalid: 29 of 45 attended, fewer than 2/3 (30)", vote.Data, StringComparison.Ordinal);
        Assert.Single(state.OpenTasks, t => t.StepId == "members-vote");
    }

    [Fact]
    public async Task attendance_of_exactly_two_thirds_makes_the_conference_valid()
    {
        var c = await AtMembersVoteAsync();

        var state = await c.CompleteAsync("members-vote", FormData.Vote(Slate, 45, 30, 25));

        Assert.Equal("bloc-vote", state.Branches[c.BranchId].CurrentStepId);
    }

    [Theory]
    [InlineData(45, 40, 40, 20, 0, 19, 0, "high 20 + normal 0 + low 19 + invalid 0 = 39 ≠ 40 ballots returned")]
    [InlineData(45, 46, 46, 30, 0, 16, 0, "present (46) exceeds summoned (45)")]
    [InlineData(45, 40, 41, 30, 0, 11, 0, "ballots issued (41) exceeds present (40)")]
    public async Task tallies_that_do_not_add_up_are_refused_with_a_clear_message(int summoned, int present, int ballots, int high, int normal, int low, int invalid, string expected)
    {
        var c = await AtMembersVoteAsync();
        var before = await c.VersionAsync();
        var data = new JsonObject
        {
            ["conferenceDate"] = FormData.ConferenceDate,
            ["summoned"] = summoned,
            ["present"] = present,
            ["ballotsIssued"] = ballots,
            ["ballotsReturned"] = ballots,
            ["tallies"] = new JsonArray(Slate.Select(n => (JsonNode?)FormData.Tally(n, high, normal, low, invalid)).ToArray()),
        };

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("members-vote", data));

        Assert.Contains(expected, ex.MessageEn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(ex.MessageVi));
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task negative_counts_are_refused_by_the_form()
    {
        var c = await AtMembersVoteAsync();
        var data = FormData.Vote(Slate, 45, 40, 31);
        data["tallies"]![0]!["low"] = -1;

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("members-vote", data));

        Assert.Equal("form-invalid", ex.Code);
        Assert.Contains(ex.Problems, p => p.Field == "tallies[0].low" && p.En == "must be at least 0");
    }

    [Fact]
    public async Task a_candidate_not_on_the_slate_is_refused_at_the_members_conference()
    {
        var c = await AtMembersVoteAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("members-vote", FormData.Vote([.. Slate, "Phạm Văn Dũng"], 45, 40, 31)));

        Assert.Contains(ex.Problems, p => p.En.Contains("Phạm Văn Dũng is not on the slate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_step_3_nomination_from_the_floor_reaches_vetting()
    {
        var c = await FormationCase.StartAsync();
        await c.AtBlocVoteAsync();
        const string nominee = "Phạm Văn Dũng";

        var state = await c.CompleteAsync("bloc-vote", FormData.BlocVote([.. Slate, nominee], 20, 18, 15, nominations: new JsonArray(nominee)));

        var vetting = EngineHarness.OpenTaskAt(state, "vetting");
        Assert.Contains(nominee, vetting.Context["candidates"]!.AsArray().Select(n => n!.GetValue<string>()));
        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("vetting", FormData.Vetting(Slate)));
        Assert.Contains(ex.Problems, p => p.En == $"no verdict for {nominee}");
        state = await c.CompleteAsync("vetting", FormData.Vetting([.. Slate, nominee]));
        Assert.Equal("decision", state.Branches[c.BranchId].CurrentStepId);
        // Three seats: the nominee takes one of them.
        state = await c.CompleteAsync("decision", FormData.Decision("12-QĐ/HU", [Slate[0], Slate[1], nominee]));
        Assert.Contains(state.Branches[c.BranchId].Decisions.Single().Appointees, a => a.Name == nominee);
    }

    [Fact]
    public async Task the_validity_rule_counts_the_ballots_returned_not_those_issued()
    {
        var c = await AtMembersVoteAsync();
        var data = FormData.Vote(Slate, 45, 40, 31);
        data["ballotsReturned"] = 38;
        data["tallies"] = new JsonArray(Slate.Select(n => (JsonNode?)FormData.Tally(n, 31, 0, 7, 0)).ToArray());

        var state = await c.CompleteAsync("members-vote", data);

        var output = state.Branches[c.BranchId].Outputs["members-vote"]!;
        Assert.Equal(40, output["ballotsIssued"]!.GetValue<int>());
        Assert.Equal(38, output["ballotsReturned"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(40, 41, "ballots returned (41) exceeds ballots issued (40)")]
    [InlineData(41, 41, "ballots issued (41) exceeds present (40)")]
    public async Task returned_may_not_exceed_issued_nor_issued_those_present(int issued, int returned, string expected)
    {
        var c = await AtMembersVoteAsync();
        var data = FormData.Vote(Slate, 45, 40, 31);
        data["ballotsIssued"] = issued;
        data["ballotsReturned"] = returned;
        data["tallies"] = new JsonArray(Slate.Select(n => (JsonNode?)FormData.Tally(n, 31, 0, returned - 31, 0)).ToArray());

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("members-vote", data));

        Assert.Contains(expected, ex.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task more_summoned_than_the_committees_members_is_refused_unless_the_clerk_records_why()
    {
        var c = await AtMembersVoteAsync();
        var task = EngineHarness.OpenTaskAt(await c.StateAsync(), "members-vote");
        var data = FormData.Vote(Slate, 46, 40, 31);
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("members-vote", data));
        Assert.Equal("summoned-exceeds-members", ex.Code);
        Assert.Contains("Summoned (46) exceeds the members of the organizations forming the committee (45)", ex.MessageEn, StringComparison.Ordinal);
        Assert.Equal(before, await c.VersionAsync());

        data["summonedNote"] = "Triệu tập thêm đảng viên mới chuyển sinh hoạt đến";
        var state = await c.CompleteAsync("members-vote", data);

        Assert.Equal(45, task.Context["summonedAtMost"]!.GetValue<int>());
        Assert.Equal("bloc-vote", state.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task a_summoned_count_equal_to_the_committees_members_needs_no_reason()
    {
        var c = await AtMembersVoteAsync();

        var state = await c.CompleteAsync("members-vote", FormData.Vote(Slate, 45, 40, 31));

        Assert.Equal("bloc-vote", state.Branches[c.BranchId].CurrentStepId);
    }

    [Theory]
    [InlineData(20, 20, false)]
    [InlineData(20, 21, true)]
    public async Task the_bloc_vote_may_not_summon_more_than_the_blocs_cell_leaders_without_a_reason(int cellLeaders, int summoned, bool refused)
    {
        var c = await FormationCase.StartAsync();
        await c.AtBlocVoteAsync();
        var data = FormData.BlocVote(Slate, summoned, 18, 15);
        data["summonedAtMost"] = cellLeaders;
        var before = await c.VersionAsync();

        if (!refused)
        {
            var passed = await c.CompleteAsync("bloc-vote", data);
            Assert.Equal("vetting", passed.Branches[c.BranchId].CurrentStepId);
            return;
        }

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("bloc-vote", data));
        Assert.Equal("summoned-exceeds-members", ex.Code);
        Assert.Contains($"Summoned ({summoned}) exceeds the cell secretaries, deputy secretaries and cell committee members in the bloc ({cellLeaders})", ex.MessageEn, StringComparison.Ordinal);
        Assert.Contains($"vượt số bí thư, phó bí thư và chi ủy viên các chi bộ trong khối ({cellLeaders})", ex.MessageVi, StringComparison.Ordinal);
        Assert.Equal(before, await c.VersionAsync());

        data["summonedNote"] = "Mời thêm bí thư chi bộ mới thành lập";
        var state = await c.CompleteAsync("bloc-vote", data);
        var output = state.Branches[c.BranchId].Outputs["bloc-vote"]!;
        Assert.Equal(cellLeaders, output["summonedAtMost"]!.GetValue<int>());
        Assert.Equal("vetting", state.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task the_bloc_vote_asks_for_the_blocs_cell_leaders_and_refuses_a_tally_without_them()
    {
        var c = await FormationCase.StartAsync();
        await c.AtBlocVoteAsync();
        var task = EngineHarness.OpenTaskAt(await c.StateAsync(), "bloc-vote");
        Assert.Contains(task.Form, f => f.Name == "summonedAtMost" && f.Required && f.Label.En.StartsWith("Cell secretaries", StringComparison.Ordinal));

        var data = FormData.Vote(Slate, 20, 18, 15);
        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("bloc-vote", data));

        Assert.Contains(ex.Problems, p => p.Field == "summonedAtMost");
    }
}
