using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class RatioTests
{
    [Theory]
    [InlineData("2/3", 2, 3)]
    [InlineData("50%", 50, 100)]
    [InlineData("0.5", 5, 10)]
    public void ratio_parses_fractions_percentages_and_decimals(string text, int numerator, int denominator)
    {
        var ratio = Ratio.Parse(text);

        Assert.Equal(numerator, ratio.Numerator);
        Assert.Equal(denominator, ratio.Denominator);
    }

    [Fact]
    public void ratio_comparisons_are_exact()
    {
        Assert.True(Ratio.TwoThirds.IsMetBy(30, 45));
        Assert.True(Ratio.TwoThirds.IsExactlyAt(30, 45));
        Assert.False(Ratio.TwoThirds.IsExceededBy(30, 45));
        Assert.Equal(30, Ratio.TwoThirds.MinimumToMeet(45));
        Assert.Equal(31, Ratio.TwoThirds.MinimumToMeet(46));
        Assert.Equal(6, Ratio.Half.MinimumToExceed(11));
        Assert.Equal(6, Ratio.Half.MinimumToExceed(10));
    }

    [Theory]
    [InlineData("2/3", true)]
    [InlineData("30%", true)]
    [InlineData("1/0", false)]
    [InlineData("4/3", false)]
    [InlineData("half", false)]
    [InlineData("99999999999%", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void try_parse_accepts_only_ratios_between_zero_and_one(string? text, bool valid)
    {
        Assert.Equal(valid, Ratio.TryParse(text, out _));
    }

    [Fact]
    public void ratio_above_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ratio(4, 3));
    }
}
