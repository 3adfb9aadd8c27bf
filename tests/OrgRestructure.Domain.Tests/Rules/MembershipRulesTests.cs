using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class MembershipRulesTests
{
    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void organization_needs_three_full_members(int fullMembers, bool meets)
    {
        Assert.Equal(meets, MembershipRules.CheckMinimumMembers("Chi bộ Phòng Y tế", fullMembers).Meets);
    }

    [Fact]
    public void too_few_members_is_explained()
    {
        Assert.Equal(
            "Chi bộ Phòng Y tế: 2 full members < 3 → too few for a party organization",
            MembershipRules.CheckMinimumMembers("Chi bộ Phòng Y tế", 2).Explanation.En);
    }

    [Theory]
    [InlineData(29, OrganizationKind.GrassrootsCell)]
    [InlineData(30, OrganizationKind.GrassrootsCommittee)]
    [InlineData(31, OrganizationKind.GrassrootsCommittee)]
    public void thirty_members_make_a_grassroots_committee(int members, OrganizationKind kind)
    {
        Assert.Equal(kind, MembershipRules.Classify("Đảng bộ Khối Chính quyền", members).Kind);
    }

    [Fact]
    public void classification_is_explained_in_vietnamese()
    {
        Assert.Equal("X: 29 đảng viên < 30 → chi bộ cơ sở", MembershipRules.Classify("X", 29).Explanation.Vi);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(31, true)]
    public void new_committee_needs_thirty_members_without_consent(int members, bool allowed)
    {
        var outcome = MembershipRules.CheckNewCommittee("Đảng bộ Khối Đảng", members, consent: null);

        Assert.Equal(allowed, outcome.Allowed);
        Assert.False(outcome.ByConsent);
    }

    [Fact]
    public void new_committee_under_thirty_is_allowed_with_recorded_consent()
    {
        var outcome = MembershipRules.CheckNewCommittee("Đảng bộ Khối Đảng", 25, new WrittenConsent("Ban Thường vụ Tỉnh ủy", "địa bàn miền núi"));

        Assert.True(outcome.Allowed);
        Assert.True(outcome.ByConsent);
        Assert.Contains("Ban Thường vụ Tỉnh ủy", outcome.Explanation.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void incomplete_consent_is_refused()
    {
        var outcome = MembershipRules.CheckNewCommittee("Đảng bộ Khối Đảng", 25, new WrittenConsent("", "lý do"));

        Assert.False(outcome.Allowed);
        Assert.Equal("consent-incomplete", Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public void thresholds_are_parameters()
    {
        var parameters = RuleParameters.Default with { GrassrootsCommitteeThreshold = 50, MinimumFullMembers = 5 };

        Assert.Equal(OrganizationKind.GrassrootsCell, MembershipRules.Classify("X", 49, parameters).Kind);
        Assert.False(MembershipRules.CheckMinimumMembers("X", 4, parameters).Meets);
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    [InlineData(10, true)]
    public void standing_committee_only_for_executive_committees_of_nine_or_more(int size, bool allowed)
    {
        Assert.Equal(allowed, StandingCommitteeRule.Evaluate(size).MayHaveStandingCommittee);
    }

    [Fact]
    public void standing_committee_outcome_is_explained()
    {
        Assert.Equal(
            "Ban chấp hành 7 người < 9 → không có ban thường vụ, chỉ có bí thư và phó bí thư",
            StandingCommitteeRule.Evaluate(7).Explanation.Vi);
        Assert.Equal("not-positive", Assert.Single(StandingCommitteeRule.Evaluate(0).Problems).Code);
    }
}
