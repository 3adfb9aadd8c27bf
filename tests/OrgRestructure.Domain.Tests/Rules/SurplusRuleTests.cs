using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class SurplusRuleTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 1)]
    [InlineData(7, 2)]
    [InlineData(10, 3)]
    [InlineData(13, 3)]
    [InlineData(14, 4)]
    public void maximum_surplus_is_thirty_percent_rounded_down_or_one_for_five_seats_or_fewer(int seats, int maximum)
    {
        Assert.Equal(maximum, SurplusRule.MaximumSurplus(seats));
    }

    [Theory]
    [InlineData(10, 9, false)]
    [InlineData(10, 10, true)]
    [InlineData(10, 13, true)]
    [InlineData(10, 14, false)]
    [InlineData(5, 6, true)]
    [InlineData(5, 7, false)]
    [InlineData(3, 4, true)]
    [InlineData(3, 5, false)]
    [InlineData(1, 2, true)]
    [InlineData(1, 3, false)]
    public void candidates_are_allowed_from_the_seats_up_to_the_maximum_surplus(int seats, int candidates, bool allowed)
    {
        Assert.Equal(allowed, SurplusRule.Evaluate(seats, candidates).Allowed);
    }

    [Fact]
    public void surplus_outcome_explains_the_limit()
    {
        var tooMany = SurplusRule.Evaluate(10, 14);

        Assert.Equal("10 người cần bầu, 14 ứng cử viên: dư 4, vượt mức tối đa 30% của 10 = 3 → không hợp lệ", tooMany.Explanation.Vi);
        Assert.Equal("5 seats, 6 candidates: 1 extra, at most 1 for 5 seats or fewer → allowed", SurplusRule.Evaluate(5, 6).Explanation.En);
        Assert.Equal(13, tooMany.MaximumCandidates);
    }

    [Fact]
    public void fewer_candidates_than_seats_is_not_allowed()
    {
        Assert.Contains("fewer candidates than seats", SurplusRule.Evaluate(9, 8).Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void surplus_limits_are_parameters()
    {
        var parameters = RuleParameters.Default with { MaximumSurplus = new Ratio(20, 100), SmallElectionMaximumSeats = 2, SmallElectionMaximumSurplus = 0 };

        Assert.Equal(0, SurplusRule.MaximumSurplus(2, parameters));
        Assert.Equal(0, SurplusRule.MaximumSurplus(4, parameters));
        Assert.Equal(2, SurplusRule.MaximumSurplus(10, parameters));
    }

    [Fact]
    public void zero_seats_is_refused()
    {
        Assert.Equal("not-positive", Assert.Single(SurplusRule.Evaluate(0, 1).Problems).Code);
    }
}
