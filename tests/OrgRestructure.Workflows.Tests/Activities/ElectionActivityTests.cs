using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

public sealed class ElectionActivityTests
{
    private static async Task<FormationCase> AtElectionAsync(JsonObject? parameters = null)
    {
        var c = await FormationCase.StartAsync(parameters: parameters);
        await c.Driver.ThroughVettingAsync(c.BranchId);
        await c.CompleteAsync("decision", FormData.Decision("7-QĐ/HU", FormationDriver.Slate));
        await c.CompleteAsync("announcement", FormData.Announcement("7-QĐ/HU"));
        return c;
    }

    private static IEnumerable<(string, int)> Candidates(int count) =>
        Enumerable.Range(1, count).Select(i => ($"Ứng viên {i}", 15 - i));

    [Theory]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    [InlineData(5, 6)]
    [InlineData(10, 13)]
    public async Task the_surplus_rule_allows_the_largest_slate(int seats, int candidates)
    {
        var c = await AtElectionAsync(new JsonObject { ["inspectionCommitteeMaxSeats"] = 15 });

        var state = await c.CompleteAsync("inspection-election", FormData.Election(seats, 15, 15, Candidates(candidates), null) is var d && d.Remove("chair") ? Chaired(d) : d);

        Assert.Equal("first-meeting", state.Branches[c.BranchId].CurrentStepId);
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(4, 6)]
    [InlineData(5, 7)]
    [InlineData(10, 14)]
    public async Task the_surplus_rule_refuses_one_candidate_more(int seats, int candidates)
    {
        var c = await AtElectionAsync(new JsonObject { ["inspectionCommitteeMaxSeats"] = 15 });
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("inspection-election", Chaired(FormData.Election(seats, 15, 15, Candidates(candidates), null))));

        Assert.Contains(ex.Problems, p => p.Field == "candidates" && p.En.StartsWith($"{seats} seats, {candidates} candidates", StringComparison.Ordinal) && p.En.EndsWith("→ not allowed", StringComparison.Ordinal));
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task election_needs_more_than_half_of_those_summoned_not_of_those_present()
    {
        var c = await AtElectionAsync();

        var state = await c.CompleteAsync("inspection-election", FormData.Election(3, 11, 10, [("A", 6), ("B", 5), ("C", 8), ("D", 7)], "C"));

        var results = state.Branches[c.BranchId].Outputs["inspection-election"]!["results"]!.AsArray();
        var b = results.Single(r => r!["candidate"]!.GetValue<string>() == "B")!;
        Assert.False(b["elected"]!.GetValue<bool>());
        Assert.Equal("B: 5 of 11 summoned (45.5%) ≤ 1/2 → not elected", b["explanation"]!["en"]!.GetValue<string>());
        Assert.Equal(["C", "D", "A"], state.Branches[c.BranchId].Outputs["inspection-election"]!["elected"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task the_chair_must_be_one_of_the_elected()
    {
        var c = await AtElectionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("inspection-election", FormData.Election(3, 11, 10, [("A", 6), ("B", 5), ("C", 8), ("D", 7)], "B")));

        Assert.Contains(ex.Problems, p => p.Field == "chair" && p.En == "B was not elected, so cannot be the chair");
    }

    [Fact]
    public async Task seats_outside_the_inspection_committee_size_are_refused()
    {
        var c = await AtElectionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("inspection-election", FormData.Election(6, 11, 10, Candidates(7), "Ứng viên 1")));

        Assert.Contains(ex.Problems, p => p.Field == "seats" && p.En == "must be at most 5");
    }

    [Fact]
    public async Task the_appointed_2025_variant_has_no_election_and_appoints_the_inspection_committee_with_the_committee()
    {
        var c = await FormationCase.StartAsync(definition: "party-committee-formation-appointed-2025");
        string[] slate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Võ Thị Hoa"];
        await c.Driver.ThroughVettingAsync(c.BranchId, slate);

        var state = await c.CompleteAsync("decision", FormData.Decision("9-QĐ/HU", [(slate[0], "secretary"), (slate[1], "deputy-secretary"), (slate[2], "executive-committee"), (slate[3], "inspection-chair")]));
        state = await c.CompleteAsync("announcement", FormData.Announcement("9-QĐ/HU"));
        state = await c.CompleteAsync("first-meeting", FormData.FirstMeeting());

        Assert.Equal(CaseStatus.Completed, state.Status);
        Assert.DoesNotContain("inspection-election", state.Branches[c.BranchId].CompletedSteps);
        Assert.Contains(state.Branches[c.BranchId].Decisions.Single().Appointees, a => a.Position == "inspection-chair");
    }

    private static JsonObject Chaired(JsonObject data)
    {
        data["chair"] = data["candidates"]![0]!["name"]!.GetValue<string>();
        return data;
    }

    [Theory]
    [InlineData(10, 11, "ballots returned (11) exceeds ballots issued (10)")]
    [InlineData(11, 11, "ballots issued (11) exceeds present (10)")]
    public async Task the_election_counts_ballots_issued_and_returned_returned_within_issued_within_present(int issued, int returned, string expected)
    {
        var c = await AtElectionAsync();
        var data = FormData.Election(3, 11, 10, [("A", 6), ("B", 5), ("C", 8), ("D", 7)], "C");
        data["ballotsIssued"] = issued;
        data["ballotsReturned"] = returned;
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("inspection-election", data));

        Assert.Contains(expected, ex.MessageEn, StringComparison.Ordinal);
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task a_candidate_cannot_get_more_votes_than_the_ballots_returned()
    {
        var c = await AtElectionAsync();
        var data = FormData.Election(3, 11, 10, [("A", 9), ("B", 5), ("C", 8), ("D", 7)], "C");
        data["ballotsReturned"] = 8;

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("inspection-election", data));

        Assert.Contains(ex.Problems, p => p.En == "A: 9 votes, more than the 8 ballots returned");
    }
}
