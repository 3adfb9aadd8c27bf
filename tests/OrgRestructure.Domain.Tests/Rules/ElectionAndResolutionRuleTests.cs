using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class ElectionAndResolutionRuleTests
{
    [Theory]
    [InlineData(5, 11, false)]
    [InlineData(6, 11, true)]
    [InlineData(5, 10, false)]
    [InlineData(6, 10, true)]
    [InlineData(4, 10, false)]
    public void election_needs_more_than_half_of_summoned(int votes, int summoned, bool elected)
    {
        Assert.Equal(elected, ElectionRule.Evaluate("Nguyễn Văn An", votes, summoned).Elected);
    }

    [Fact]
    public void election_explains_against_the_summoned_not_the_present()
    {
        var outcome = ElectionRule.Evaluate("Nguyễn Văn An", 5, 11);

        Assert.Equal("Nguyễn Văn An: 5/11 người được triệu tập (45,5%) ≤ 1/2 → không trúng cử", outcome.Explanation.Vi);
        Assert.Equal("Nguyễn Văn An: 6 of 11 summoned (54.5%) > 1/2 → elected", ElectionRule.Evaluate("Nguyễn Văn An", 6, 11).Explanation.En);
    }

    [Fact]
    public void election_with_negative_votes_is_refused()
    {
        var outcome = ElectionRule.Evaluate("Nguyễn Văn An", -1, 11);

        Assert.False(outcome.Elected);
        Assert.Equal("negative-count", Assert.Single(outcome.Problems).Code);
    }

    [Theory]
    [InlineData(10, 25, 5, false)]
    [InlineData(11, 25, 5, true)]
    [InlineData(12, 25, 0, false)]
    [InlineData(13, 25, 0, true)]
    [InlineData(9, 25, 5, false)]
    public void resolution_needs_more_than_half_of_members_less_exclusions(int approving, int members, int excluded, bool passes)
    {
        var outcome = ResolutionRule.Evaluate(approving, members, excluded);

        Assert.Equal(passes, outcome.Passes);
        Assert.Equal(members - excluded, outcome.Denominator);
    }

    [Fact]
    public void resolution_explains_its_denominator()
    {
        var outcome = ResolutionRule.Evaluate(12, 25, 5);

        Assert.Equal("Nghị quyết được thông qua: 12/20 tán thành (60,0%) > 1/2 (25 thành viên, trừ 5 trường hợp loại trừ)", outcome.Explanation.Vi);
        Assert.Equal("Resolution passes: 12 of 20 approve (60.0%) > 1/2 (25 members less 5 excluded)", outcome.Explanation.En);
    }

    [Fact]
    public void resolution_with_more_exclusions_than_members_is_refused()
    {
        var outcome = ResolutionRule.Evaluate(1, 5, 6);

        Assert.False(outcome.Passes);
        Assert.Equal("exceeds", Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public void resolution_with_more_approvals_than_voters_is_refused()
    {
        var outcome = ResolutionRule.Evaluate(21, 25, 5);

        Assert.False(outcome.Passes);
        Assert.Contains("21", Assert.Single(outcome.Problems).Vi, StringComparison.Ordinal);
    }
}
