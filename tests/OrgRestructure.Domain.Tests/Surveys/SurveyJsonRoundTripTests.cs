using System.Text.Json;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Planning;
using OrgRestructure.Domain.Surveys;
using OrgRestructure.Testing;

namespace OrgRestructure.Domain.Tests.Surveys;

/// <summary>An imported survey is kept in an event; reading it back must give the same plan.</summary>
public sealed class SurveyJsonRoundTripTests
{
    [Fact]
    public void imported_survey_round_trips_through_json_to_the_same_plan()
    {
        var survey = SurveyImport.FromJson(File.ReadAllText(RepositoryPaths.SurveyFile)).Value;

        var copy = JsonSerializer.Deserialize<Survey>(JsonSerializer.Serialize(survey))!;

        Assert.Equal(survey.Districts.SelectMany(d => d.Organizations), copy.Districts.SelectMany(d => d.Organizations));
        Assert.Equal(survey.PublishedTotals, copy.PublishedTotals);
        Assert.Equal(RestructuringPlanner.Plan(survey).Totals, RestructuringPlanner.Plan(copy).Totals);
        Assert.Equal(
            RestructuringPlanner.Plan(survey).Committees.Select(c => (c.Id, c.Name, c.Members)),
            RestructuringPlanner.Plan(copy).Committees.Select(c => (c.Id, c.Name, c.Members)));
    }
}
