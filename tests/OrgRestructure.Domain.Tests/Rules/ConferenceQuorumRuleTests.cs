using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class ConferenceQuorumRuleTests
{
    [Theory]
    [InlineData(45, 29, false)]
    [InlineData(45, 30, true)]
    [InlineData(45, 31, true)]
    [InlineData(10, 6, false)]
    [InlineData(10, 7, true)]
    [InlineData(3, 2, true)]
    [InlineData(3, 1, false)]
    public void conference_is_valid_at_two_thirds_of_summoned_and_not_below(int summoned, int present, bool valid)
    {
        var outcome = ConferenceQuorumRule.Evaluate(summoned, present);

        Assert.Equal(valid, outcome.IsValid);
        Assert.False(outcome.HasProblems);
    }

    [Fact]
    public void invalid_conference_explains_attendance_and_required_number()
    {
        var outcome = ConferenceQuorumRule.Evaluate(45, 28);

        Assert.Equal("Hội nghị không hợp lệ: 28/45 người dự, ít hơn 2/3 (30)", outcome.Explanation.Vi);
        Assert.Equal("Conference invalid: 28 of 45 attended, fewer than 2/3 (30)", outcome.Explanation.En);
        Assert.Equal(30, outcome.Required);
    }

    [Fact]
    public void valid_conference_explains_the_minimum_it_met()
    {
        var outcome = ConferenceQuorumRule.Evaluate(45, 30);

        Assert.Equal("Hội nghị hợp lệ: 30/45 người dự, đạt tối thiểu 2/3 (30)", outcome.Explanation.Vi);
    }

    [Fact]
    public void quorum_is_a_parameter()
    {
        var parameters = RuleParameters.Default with { ConferenceQuorum = new Ratio(3, 4) };

        Assert.False(ConferenceQuorumRule.Evaluate(40, 29, parameters).IsValid);
        Assert.True(ConferenceQuorumRule.Evaluate(40, 30, parameters).IsValid);
    }

    [Fact]
    public void more_present_than_summoned_is_refused_with_every_problem()
    {
        var outcome = ConferenceQuorumRule.Evaluate(45, 46);

        Assert.False(outcome.IsValid);
        Assert.Equal("exceeds", Assert.Single(outcome.Problems).Code);
        Assert.Contains("46", outcome.Explanation.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void negative_counts_are_refused()
    {
        var outcome = ConferenceQuorumRule.Evaluate(-1, -2);

        Assert.False(outcome.IsValid);
        Assert.Equal(3, outcome.Problems.Count);
        Assert.Equal(2, outcome.Problems.Count(p => p.Code == "negative-count"));
    }
}
