using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Tests.Common;

public sealed class NumberTextTests
{
    [Fact]
    public void vietnamese_numbers_use_comma_decimals_and_dot_thousands()
    {
        Assert.Equal("1.234,5", NumberText.Vi(1234.5m, 1));
        Assert.Equal("1,234.5", NumberText.En(1234.5m, 1));
    }

    [Fact]
    public void percent_rounds_to_one_decimal()
    {
        Assert.Equal(new BilingualText("68,9%", "68.9%"), NumberText.Percent(31, 45));
        Assert.Equal(new BilingualText("50,0%", "50.0%"), NumberText.Percent(20, 40));
    }
}
