using System.Text.Json.Nodes;
using OrgRestructure.Domain;
using OrgRestructure.Domain.Planning;
using OrgRestructure.Domain.Surveys;
using OrgRestructure.Testing;

namespace OrgRestructure.Workflows.Tests.Support;

/// <summary>A district of the Quảng Nam survey, through the domain's importer and planner, as the formation input.</summary>
public static class Survey
{
    public static JsonObject FormationInputFor(string district)
    {
        var survey = SurveyImport.FromJson(File.ReadAllText(RepositoryPaths.SurveyFile)).Value;
        var plan = RestructuringPlanner.Plan(survey).Districts.Single(d => d.District == district);
        var committees = new JsonArray(plan.Committees.Select(c => (JsonNode?)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["blocs"] = new JsonArray(c.Blocs.Select(b => (JsonNode?)Labels.Code(b)).ToArray()),
            ["organizations"] = new JsonArray(c.SourceOrganizationIds.Select(o => (JsonNode?)o).ToArray()),
            ["members"] = c.Members,
        }).ToArray());
        return new JsonObject { ["district"] = district, ["province"] = survey.Province, ["committees"] = committees };
    }
}
