using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Planning;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Planning;

public sealed class CommitteeProposalRulesTests
{
    private static readonly Survey Survey = new("Thử", 2025, [
        new District("A", DistrictKind.RuralDistrict, [
            new GrassrootsOrganization("a-p1", "Chi bộ P1", Bloc.PartyAgencies, OrganizationKind.GrassrootsCell, 20),
            new GrassrootsOrganization("a-f1", "Chi bộ F1", Bloc.FrontAndMassOrganizations, OrganizationKind.GrassrootsCell, 15),
            new GrassrootsOrganization("a-g1", "Chi bộ G1", Bloc.Government, OrganizationKind.GrassrootsCell, 40),
        ]),
        new District("B", DistrictKind.RuralDistrict, [
            new GrassrootsOrganization("b-g1", "Chi bộ G1", Bloc.Government, OrganizationKind.GrassrootsCell, 35),
        ]),
    ], []);

    [Fact]
    public void the_planners_own_proposals_are_valid()
    {
        var proposals = RestructuringPlanner.Plan(Survey).Committees.Select(c => c.ToProposal()).ToList();

        Assert.Equal(3, proposals.Count);
        Assert.Empty(CommitteeProposalRules.Validate(Survey, proposals));
    }

    [Fact]
    public void organizations_of_another_district_or_bloc_or_used_twice_are_refused()
    {
        var proposals = new List<CommitteeProposal>
        {
            new("a-gov", "A", [Bloc.Government], ["a-g1", "b-g1", "a-p1"]),
            new("a-party", "A", [Bloc.PartyAgencies, Bloc.FrontAndMassOrganizations], ["a-p1", "a-f1", "zz"]),
        };

        var problems = CommitteeProposalRules.Validate(Survey, proposals);

        Assert.Equal(
            [("other-district", "b-g1"), ("other-bloc", "a-p1"), ("organization-reused", "a-p1"), ("unknown-organization", "zz")],
            problems.Select(p => (p.Code, p.Subject)));
        Assert.Equal("a-party: organization already belongs to a-gov", problems[2].En);
    }

    [Fact]
    public void committee_under_thirty_needs_recorded_consent()
    {
        var without = new CommitteeProposal("a-front", "A", [Bloc.FrontAndMassOrganizations], ["a-f1"]);
        var with = without with { Consent = new WrittenConsent("Ban Thường vụ Tỉnh ủy", "vùng sâu, đi lại khó khăn") };

        Assert.Equal("under-threshold", Assert.Single(CommitteeProposalRules.Validate(Survey, [without])).Code);
        Assert.Empty(CommitteeProposalRules.Validate(Survey, [with]));
        Assert.Empty(CommitteeProposalRules.Validate(Survey, [without], RuleParameters.Default with { GrassrootsCommitteeThreshold = 15 }));
    }

    [Fact]
    public void unknown_district_empty_and_duplicate_committees_are_refused()
    {
        var problems = CommitteeProposalRules.Validate(Survey, [new("x", "Z", [Bloc.Government], []), new("x", "A", [Bloc.Government], ["a-g1"])]);

        Assert.Equal(["duplicate-committee", "unknown-district", "no-organizations"], problems.Select(p => p.Code));
    }
}
