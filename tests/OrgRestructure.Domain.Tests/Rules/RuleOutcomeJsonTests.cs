using System.Text.Json;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

/// <summary>Outcomes go into events, so they must survive a JSON round trip unchanged.</summary>
public sealed class RuleOutcomeJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Web), Web)!;

    [Fact]
    public void settled_confidence_vote_round_trips()
    {
        var tie = ConfidenceVoteRule.Evaluate("Nguyễn Văn An", 20, 40);
        var settled = ConfidenceVoteRule.RecordHeadDecision(tie, new HeadDecision("Bí thư", true, "cơ cấu")).Value;

        var copy = RoundTrip(settled);

        Assert.Equal(settled.Verdict, copy.Verdict);
        Assert.Equal(settled.HeadDecision, copy.HeadDecision);
        Assert.Equal(settled.Explanation, copy.Explanation);
        Assert.Empty(copy.Problems);
    }

    [Fact]
    public void tally_problems_round_trip()
    {
        var outcome = TallyConsistencyRule.Check(new ConferenceTally(10, 11, 11, [new CandidateTally("A", 1, 1, 1, 1)]));

        var copy = RoundTrip(outcome);

        Assert.Equal(outcome.Problems, copy.Problems);
        Assert.False(copy.IsConsistent);
    }
}
