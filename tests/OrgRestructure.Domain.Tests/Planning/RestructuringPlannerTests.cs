using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Planning;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Domain.Surveys;
using OrgRestructure.Testing;

namespace OrgRestructure.Domain.Tests.Planning;

public sealed class RestructuringPlannerTests
{
    /// <summary>A district whose blocs have the given members, each bloc split into cells of at most 10.</summary>
    private static District District(string name, int party, int front, int government, DistrictKind kind = DistrictKind.RuralDistrict)
    {
        var slug = CommitteeNames.Slug(name);
        var organizations = new List<GrassrootsOrganization>();
        foreach (var (bloc, members) in new[] { (Bloc.PartyAgencies, party), (Bloc.FrontAndMassOrganizations, front), (Bloc.Government, government) })
        {
            for (var (left, i) = (members, 1); left > 0; left -= 10, i++)
            {
                organizations.Add(new GrassrootsOrganization($"{slug}-{bloc}-{i}", $"Chi bộ {bloc} {i}", bloc, OrganizationKind.GrassrootsCell, Math.Min(left, 10)));
            }
        }

        return new District(name, kind, organizations);
    }

    private static List<List<Bloc>> Blocs(DistrictPlan plan) => plan.Committees.Select(c => c.Blocs.ToList()).ToList();

    [Fact]
    public void every_bloc_of_thirty_or_more_forms_its_own_committee()
    {
        var plan = RestructuringPlanner.PlanDistrict(District("Tam Kỳ", 30, 31, 100, DistrictKind.City));

        Assert.Equal([[Bloc.PartyAgencies], [Bloc.FrontAndMassOrganizations], [Bloc.Government]], Blocs(plan));
        Assert.All(plan.Committees, c => Assert.Equal([PlanningRule.OwnCommittee], c.Rules));
        Assert.True(plan.SeparatesPartyAndFront);
        Assert.True(plan.HasGovernmentBlocCommittee);
        Assert.False(plan.CombinesPartyAndFront);
        Assert.Null(plan.Flag);
    }

    [Theory]
    [InlineData(29, 40)]
    [InlineData(40, 29)]
    [InlineData(18, 12)]
    public void party_and_front_combine_when_either_is_under_thirty(int party, int front)
    {
        var plan = RestructuringPlanner.PlanDistrict(District("Nông Sơn", party, front, 98));

        Assert.Equal([[Bloc.PartyAgencies, Bloc.FrontAndMassOrganizations], [Bloc.Government]], Blocs(plan));
        Assert.Equal([PlanningRule.CombinedPartyAndFront], plan.Committees[0].Rules);
        Assert.Equal(party + front, plan.Committees[0].Members);
        Assert.True(plan.CombinesPartyAndFront);
        Assert.False(plan.SeparatesPartyAndFront);
    }

    [Fact]
    public void combined_group_still_under_thirty_joins_the_largest_group()
    {
        var plan = RestructuringPlanner.PlanDistrict(District("A", 10, 10, 100));

        var committee = Assert.Single(plan.Committees);
        Assert.Equal([Bloc.PartyAgencies, Bloc.FrontAndMassOrganizations, Bloc.Government], committee.Blocs);
        Assert.Equal([PlanningRule.CombinedPartyAndFront, PlanningRule.JoinedLargestGroup], committee.Rules);
        Assert.Equal(120, committee.Members);
        Assert.False(plan.HasGovernmentBlocCommittee);
        Assert.Contains(plan.Explanations, e => e.En.Contains("joins the largest group, Government bloc (100)", StringComparison.Ordinal));
    }

    [Fact]
    public void small_government_bloc_joins_the_largest_group_ties_going_to_the_first_bloc()
    {
        var plan = RestructuringPlanner.PlanDistrict(District("A", 40, 40, 20));

        Assert.Equal([[Bloc.PartyAgencies, Bloc.Government], [Bloc.FrontAndMassOrganizations]], Blocs(plan));
        Assert.Equal([PlanningRule.JoinedLargestGroup], plan.Committees[0].Rules);
        Assert.Equal(60, plan.Committees[0].Members);
    }

    [Fact]
    public void small_bloc_joins_the_largest_even_when_its_partner_bloc_is_missing()
    {
        var plan = RestructuringPlanner.PlanDistrict(District("A", 12, 0, 40));

        var committee = Assert.Single(plan.Committees);
        Assert.Equal([Bloc.PartyAgencies, Bloc.Government], committee.Blocs);
        Assert.Equal([PlanningRule.JoinedLargestGroup], committee.Rules);
    }

    [Fact]
    public void groups_all_under_thirty_merge_into_one_committee_when_the_district_reaches_thirty()
    {
        var plan = RestructuringPlanner.PlanDistrict(District("A", 10, 10, 10));

        var committee = Assert.Single(plan.Committees);
        Assert.Equal(30, committee.Members);
        Assert.Equal(3, committee.Blocs.Count);
    }

    [Theory]
    [InlineData(10, 9, 10)]
    [InlineData(0, 0, 0)]
    public void district_under_thirty_forms_none_and_is_flagged(int party, int front, int government)
    {
        var plan = RestructuringPlanner.PlanDistrict(District("Nhỏ", party, front, government));

        Assert.Empty(plan.Committees);
        var flag = plan.Flag;
        Assert.NotNull(flag);
        Assert.Equal(PlanningRule.DistrictTooSmall, flag.Rule);
        Assert.Equal("Nhỏ", flag.District);
        Assert.Equal($"{party + front + government} members in total < 30 → no grassroots committee formed; the province decides", flag.Reason.En);
    }

    [Fact]
    public void committee_lists_its_source_organizations_name_and_id()
    {
        var plan = RestructuringPlanner.PlanDistrict(District("Duy Xuyên", 12, 20, 40));

        var combined = plan.Committees[0];
        Assert.Equal("Đảng bộ Khối Đảng - Mặt trận - Đoàn thể huyện Duy Xuyên", combined.Name);
        Assert.Equal("Party Committee of the Party - Front and Mass Organizations Bloc, Duy Xuyên district", combined.NameEn);
        Assert.Equal("duy-xuyen-party-front", combined.Id);
        Assert.Equal(
            ["duy-xuyen-PartyAgencies-1", "duy-xuyen-PartyAgencies-2", "duy-xuyen-FrontAndMassOrganizations-1", "duy-xuyen-FrontAndMassOrganizations-2"],
            combined.SourceOrganizationIds);
        Assert.Equal("Đảng bộ Khối Chính quyền huyện Duy Xuyên", plan.Committees[1].Name);
        Assert.Equal(8, plan.OrganizationsBefore);
        Assert.Equal(2, plan.CommitteesAfter);
    }

    [Fact]
    public void threshold_is_a_parameter()
    {
        var parameters = RuleParameters.Default with { GrassrootsCommitteeThreshold = 50 };

        var plan = RestructuringPlanner.PlanDistrict(District("A", 45, 45, 60), parameters);

        Assert.Equal([[Bloc.PartyAgencies, Bloc.FrontAndMassOrganizations], [Bloc.Government]], Blocs(plan));
    }

    [Fact]
    public void quang_nam_survey_reproduces_the_published_result()
    {
        var survey = SurveyImport.FromJson(File.ReadAllText(RepositoryPaths.SurveyFile)).Value;

        var plan = RestructuringPlanner.Plan(survey);

        Assert.Equal(new PlanTotals(18, 312, 47, plan.Totals.Members, 11, 7, 18, 0), plan.Totals);
        Assert.Empty(plan.Flags);
        Assert.Empty(plan.CompareWith(survey.PublishedTotals!));
        Assert.Equal(312, plan.Committees.Sum(c => c.SourceOrganizationIds.Count));
        Assert.Equal(312, plan.Committees.SelectMany(c => c.SourceOrganizationIds).Distinct().Count());
        Assert.All(plan.Committees, c => Assert.True(c.Members >= 30));
        Assert.Equal(47, plan.Committees.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void plan_differences_from_published_totals_are_listed()
    {
        var survey = SurveyImport.FromJson(File.ReadAllText(RepositoryPaths.SurveyFile)).Value;

        var plan = RestructuringPlanner.Plan(survey, RuleParameters.Default with { GrassrootsCommitteeThreshold = 35 });

        Assert.Contains(plan.CompareWith(survey.PublishedTotals!), d => d.En.StartsWith("Committees after: planned", StringComparison.Ordinal));
    }
}
