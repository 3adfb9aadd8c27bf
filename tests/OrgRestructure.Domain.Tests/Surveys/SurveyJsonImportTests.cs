using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Domain.Surveys;
using OrgRestructure.Testing;

namespace OrgRestructure.Domain.Tests.Surveys;

public sealed class SurveyJsonImportTests
{
    [Fact]
    public void quang_nam_survey_imports_all_districts_and_organizations()
    {
        var result = SurveyImport.FromJson(File.ReadAllText(RepositoryPaths.SurveyFile));

        Assert.True(result.IsSuccess, string.Join("\n", result.Problems));
        var survey = result.Value;
        Assert.Equal("Quảng Nam", survey.Province);
        Assert.Equal(2014, survey.Year);
        Assert.Equal(18, survey.Districts.Count);
        Assert.Equal(312, survey.OrganizationCount);
        Assert.Equal(["Duy Xuyên", "Phước Sơn", "Thăng Bình"], survey.PilotDistricts);
        Assert.Equal(DistrictKind.City, survey.Districts[0].Kind);
        Assert.Equal("thành phố Tam Kỳ", survey.Districts[0].QualifiedNameVi);
        Assert.Equal(new PublishedTotals(312, 47, 11, 7, 18), survey.PublishedTotals);
        var first = survey.Districts[0].Organizations[0];
        Assert.Equal(new GrassrootsOrganization("tam-ky-party-01", "Đảng bộ Văn phòng Thành ủy Tam Kỳ", Bloc.PartyAgencies, OrganizationKind.GrassrootsCommittee, 34), first);
    }

    [Fact]
    public void bad_json_survey_lists_every_problem_with_the_organization_id()
    {
        const string json = """
            {
              "province": "Thử",
              "pilotDistricts": ["Không Có"],
              "districts": [
                { "district": "Huyện A", "kind": "huyện", "blocs": [
                  { "bloc": "party-agencies", "organizations": [
                    { "id": "a-1", "name": "Chi bộ 1", "kind": "chi-bo-co-so", "members": 2 },
                    { "id": "a-2", "name": "Chi bộ 2", "kind": "chi-bo-co-so", "members": -4 },
                    { "id": "a-3", "name": "Chi bộ 3", "kind": "chi-bo-co-so" },
                    { "id": "a-1", "name": "Chi bộ 4", "kind": "to-dang", "members": 5 }
                  ]},
                  { "bloc": "army", "organizations": [
                    { "id": "a-5", "name": "Chi bộ 5", "kind": "chi-bo-co-so", "members": "many" }
                  ]}
                ]},
                { "district": "Huyện B", "kind": "tỉnh", "blocs": [] }
              ]
            }
            """;

        var result = SurveyImport.FromJson(json);

        Assert.False(result.IsSuccess);
        Assert.Equal(
            [
                ("unknown-district-kind", "Huyện B"),
                ("too-few-members", "a-1"),
                ("negative-members", "a-2"),
                ("missing-members", "a-3"),
                ("unknown-kind", "a-1"),
                ("unknown-bloc", "a-5"),
                ("invalid-members", "a-5"),
                ("duplicate-id", "a-1"),
                ("unknown-pilot-district", "Không Có"),
            ],
            result.Problems.Select(p => (p.Code, p.Subject)).OrderBy(p => p.Code == "unknown-district-kind" ? 0 : 1).ToList());
        Assert.Contains("Huyện A › party-agencies › #2: số đảng viên âm (-4)", result.Problems.Single(p => p.Code == "negative-members").Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void malformed_json_is_refused_with_its_position()
    {
        var result = SurveyImport.FromJson("{ \"districts\": [ }");

        Assert.Equal("invalid-json", Assert.Single(result.Problems).Code);
        Assert.Contains("line 1", result.Problems[0].En, StringComparison.Ordinal);
    }

    [Fact]
    public void json_without_districts_is_refused()
    {
        Assert.Equal("invalid-structure", Assert.Single(SurveyImport.FromJson("[1, 2]").Problems).Code);
    }

    [Fact]
    public void duplicate_districts_are_refused()
    {
        const string json = """{ "districts": [ { "district": "A", "blocs": [] }, { "district": "A", "blocs": [] } ] }""";

        Assert.Equal("duplicate-district", Assert.Single(SurveyImport.FromJson(json).Problems).Code);
    }

    [Fact]
    public void minimum_members_is_a_parameter()
    {
        const string json = """{ "districts": [ { "district": "A", "blocs": [ { "bloc": "government", "organizations": [ { "id": "x", "name": "X", "kind": "chi-bo-co-so", "members": 4 } ] } ] } ] }""";

        Assert.True(SurveyImport.FromJson(json).IsSuccess);
        Assert.Equal("too-few-members", Assert.Single(SurveyImport.FromJson(json, RuleParameters.Default with { MinimumFullMembers = 5 }).Problems).Code);
    }
}
