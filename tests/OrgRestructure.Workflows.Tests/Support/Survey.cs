using System.Text.Json.Nodes;

namespace OrgRestructure.Workflows.Tests.Support;

/// <summary>
/// Reads a district of the Quảng Nam survey into the formation input: one committee per bloc,
/// the party and front blocs combined when either is under 30 members (the report's two patterns).
/// </summary>
public static class Survey
{
    public static JsonObject FormationInputFor(string district)
    {
        var survey = JsonNode.Parse(File.ReadAllText(Repo.SurveyPath))!.AsObject();
        var entry = survey["districts"]!.AsArray().Single(d => d!["district"]!.GetValue<string>() == district)!;
        var blocs = entry["blocs"]!.AsArray().Select(b => (Bloc: b!["bloc"]!.GetValue<string>(), Orgs: b["organizations"]!.AsArray().Select(o => o!.AsObject()).ToList())).ToList();
        int Members(IEnumerable<JsonObject> orgs) => orgs.Sum(o => o["members"]!.GetValue<int>());
        var party = blocs.Single(b => b.Bloc == "party-agencies");
        var front = blocs.Single(b => b.Bloc == "front-and-mass-organizations");
        var groups = Members(party.Orgs) >= 30 && Members(front.Orgs) >= 30
            ? blocs.Select(b => (Blocs: new[] { b.Bloc }, b.Orgs)).ToList()
            : [(new[] { party.Bloc, front.Bloc }, party.Orgs.Concat(front.Orgs).ToList()), .. blocs.Where(b => b.Bloc == "government").Select(b => (new[] { b.Bloc }, b.Orgs))];
        var committees = new JsonArray(groups.Select(g => (JsonNode?)new JsonObject
        {
            ["id"] = $"{Slug(district)}-{string.Join("-", g.Blocs)}",
            ["name"] = $"Đảng bộ {string.Join(" - ", g.Blocs)} {district}",
            ["blocs"] = new JsonArray(g.Blocs.Select(b => (JsonNode?)b).ToArray()),
            ["organizations"] = new JsonArray(g.Orgs.Select(o => (JsonNode?)o["id"]!.GetValue<string>()).ToArray()),
            ["members"] = Members(g.Orgs),
        }).ToArray());
        return new JsonObject { ["district"] = district, ["province"] = survey["province"]!.GetValue<string>(), ["committees"] = committees };
    }

    private static string Slug(string text) =>
        new string(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray()).ToLowerInvariant().Replace(' ', '-');
}
