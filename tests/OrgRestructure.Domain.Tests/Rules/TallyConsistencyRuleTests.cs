using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class TallyConsistencyRuleTests
{
    [Fact]
    public void consistent_tally_passes()
    {
        var tally = new ConferenceTally(45, 31, 31, [new("Nguyễn Văn An", 20, 8, 2, 1), new("Trần Thị Bình", 10, 10, 11, 0)]);

        var outcome = TallyConsistencyRule.Check(tally);

        Assert.True(outcome.IsConsistent);
        Assert.Empty(outcome.Problems);
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public void candidate_ballots_must_add_up_to_ballots_cast(int ballotsCast, bool consistent)
    {
        var tally = new ConferenceTally(45, 32, ballotsCast, [new("Nguyễn Văn An", 20, 8, 2, 1)]);

        Assert.Equal(consistent, TallyConsistencyRule.Check(tally).IsConsistent);
    }

    [Theory]
    [InlineData(45, 45, 45, true)]
    [InlineData(45, 46, 46, false)]
    [InlineData(45, 40, 41, false)]
    public void ballots_do_not_exceed_present_and_present_does_not_exceed_summoned(int summoned, int present, int ballots, bool consistent)
    {
        var tally = new ConferenceTally(summoned, present, ballots, []);

        Assert.Equal(consistent, TallyConsistencyRule.Check(tally).IsConsistent);
    }

    [Fact]
    public void every_problem_is_reported_with_its_candidate()
    {
        var tally = new ConferenceTally(
            45,
            46,
            47,
            [new("Nguyễn Văn An", 20, 8, 2, 1), new("Trần Thị Bình", -1, 10, 11, 0), new("Trần Thị Bình", 47, 0, 0, 0)]);

        var outcome = TallyConsistencyRule.Check(tally);

        Assert.False(outcome.IsConsistent);
        Assert.Equal(
            ["exceeds", "exceeds", "candidate-duplicated", "tally-mismatch", "negative-count", "tally-mismatch"],
            outcome.Problems.Select(p => p.Code));
        Assert.Equal(["", "", "Trần Thị Bình", "Nguyễn Văn An", "Trần Thị Bình", "Trần Thị Bình"], outcome.Problems.Select(p => p.Subject));
        Assert.Contains("Nguyễn Văn An: cao 20 + tín nhiệm 8 + thấp 2 + không hợp lệ 1 = 31 ≠ 47 phiếu thu vào", outcome.Explanation.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void negative_conference_counts_are_reported()
    {
        var outcome = TallyConsistencyRule.Check(new ConferenceTally(-1, 0, -3, []));

        Assert.Equal(2, outcome.Problems.Count(p => p.Code == "negative-count"));
    }
}
