using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

public sealed class SlateFormCheckTests
{
    private static string[] Names(int count) => [.. Enumerable.Range(1, count).Select(i => $"Ủy viên {i}")];

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 4)]
    [InlineData(5, 6)]
    [InlineData(10, 13)]
    public async Task slate_within_the_surplus_is_accepted(int seats, int candidates)
    {
        var c = await FormationCase.StartAsync();

        var state = await c.CompleteAsync("slate", FormData.Slate(Names(candidates), seats));

        Assert.NotEqual("slate", state.Branches[c.BranchId].CurrentStepId);
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(5, 7)]
    [InlineData(5, 8)]
    [InlineData(10, 14)]
    public async Task slate_refuses_candidates_beyond_the_surplus(int seats, int candidates)
    {
        var c = await FormationCase.StartAsync();
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("slate", FormData.Slate(Names(candidates), seats)));

        Assert.Equal("surplus", ex.Code);
        Assert.Equal(422, ex.StatusHint);
        Assert.Contains($"{seats} seats, {candidates} candidates", ex.MessageEn, StringComparison.Ordinal);
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task slate_refuses_a_standing_committee_for_eight_executive_seats()
    {
        var c = await FormationCase.StartAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("slate", WithStanding(FormData.Slate(Names(8)))));

        Assert.Equal("standing-committee-not-allowed", ex.Code);
        Assert.Contains("8 < 9", ex.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task slate_allows_a_standing_committee_for_nine_executive_seats()
    {
        var c = await FormationCase.StartAsync();

        var state = await c.CompleteAsync("slate", WithStanding(FormData.Slate(Names(9))));

        Assert.NotEqual("slate", state.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task slate_refuses_two_secretaries()
    {
        var c = await FormationCase.StartAsync();
        var data = FormData.Slate(Names(5));
        data["candidates"]![1]!["position"] = "secretary";

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("slate", data));

        Assert.Equal("secretary-duplicated", ex.Code);
        Assert.Equal("The slate may propose only one secretary", ex.MessageEn);
    }

    private static JsonObject WithStanding(JsonObject data)
    {
        data["standingSeats"] = 3;
        data["candidates"]![2]!["position"] = "standing-committee";
        return data;
    }
}
