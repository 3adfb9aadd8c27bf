using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class ElectionSeatsTests
{
    [Fact]
    public void seats_go_to_candidates_above_half_with_most_votes()
    {
        var outcome = ElectionRule.ElectSeats(3, 11, [new("A", 10), new("B", 6), new("C", 9), new("D", 7), new("E", 5)]);

        Assert.Equal(["A", "C", "D"], outcome.Elected);
        Assert.Equal(0, outcome.VacantSeats);
        Assert.False(outcome.Candidates.Single(c => c.Candidate == "B").Elected);
        Assert.Contains("fewer votes than those who filled the seats", outcome.Candidates.Single(c => c.Candidate == "B").Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void seats_stay_vacant_when_too_few_pass_the_threshold()
    {
        var outcome = ElectionRule.ElectSeats(3, 11, [new("A", 6), new("B", 5), new("C", 5)]);

        Assert.Equal(["A"], outcome.Elected);
        Assert.Equal(2, outcome.VacantSeats);
        Assert.Empty(outcome.TiedForLastSeats);
    }

    [Fact]
    public void tie_for_the_last_seat_elects_neither()
    {
        var outcome = ElectionRule.ElectSeats(2, 11, [new("A", 10), new("B", 8), new("C", 8)]);

        Assert.Equal(["A"], outcome.Elected);
        Assert.Equal(["B", "C"], outcome.TiedForLastSeats);
        Assert.Contains("tied, vote again: B, C", outcome.Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void duplicate_candidates_and_bad_counts_are_all_reported()
    {
        var outcome = ElectionRule.ElectSeats(0, 11, [new("A", 12), new("A", 3)]);

        Assert.Equal(["not-positive", "candidate-duplicated", "exceeds"], outcome.Problems.Select(p => p.Code));
        Assert.Empty(outcome.Elected);
    }
}
