using System.Text.Json.Nodes;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Planning;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// The cases the end-to-end bench serves, launched through the engine (its runner, its deadlines,
/// its inline read models) before the server starts: every unit of the national file
/// (../shared/data/vietnam-2025-communes.json, 3,321 new units) as a case, plus the demo province's
/// districts planned from its survey, whose accounts the bench signs in as. The national file names
/// 10,035 former organizations; each contributes <see cref="CommitteesPerOrganization"/> committees
/// so that the campaign holds the ~50,000 open tasks issue 13 asks to be measured at. Every case is
/// launched within seconds, so the deadlines are bunched: they all fall on the same working days.
/// </summary>
internal sealed class CampaignSeed(IWorkflowEngine engine, string definitionId)
{
    public const int CommitteesPerOrganization = 5;
    private static readonly Actor Launcher = new("bench", "admin");

    public int Cases { get; private set; }

    public int Committees { get; private set; }

    /// <summary>The cases of the national file: (province, unit, committees) per new unit.</summary>
    public static IEnumerable<(string Province, string Unit, JsonArray Committees)> NationalUnits(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var province in root["provinces"]!.AsArray())
        {
            foreach (var unit in province!["units"]!.AsArray())
            {
                var committees = new JsonArray();
                foreach (var former in unit!["formedFrom"]!.AsArray())
                {
                    for (var k = 1; k <= CommitteesPerOrganization; k++)
                    {
                        committees.Add(new JsonObject
                        {
                            ["id"] = $"{former!["id"]!.GetValue<string>()}-{k}",
                            ["name"] = $"{former["name"]!.GetValue<string>()} ({k})",
                            ["blocs"] = new JsonArray(nameof(Bloc.Government)),
                            ["organizations"] = new JsonArray(former["id"]!.GetValue<string>()),
                            ["members"] = former["members"]!.GetValue<int>(),
                        });
                    }
                }

                yield return (province["province"]!.GetValue<string>(), unit["name"]!.GetValue<string>(), committees);
            }
        }
    }

    /// <summary>The demo province's districts, with the committees the planner proposes for each (as a launch from the plan sends them).</summary>
    public static IEnumerable<(string Province, string Unit, JsonArray Committees)> SurveyDistricts(Survey survey)
    {
        var plan = RestructuringPlanner.Plan(survey);
        return plan.Districts.Select(d => (plan.Province, d.District, new JsonArray([.. d.Committees.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["blocs"] = new JsonArray([.. c.Blocs.Select(b => (JsonNode)JsonValue.Create(b.ToString()))]),
            ["organizations"] = new JsonArray([.. c.SourceOrganizationIds.Select(o => (JsonNode)JsonValue.Create(o))]),
            ["members"] = c.Members,
        })])));
    }

    /// <summary>Launches the cases with <paramref name="writers"/> concurrent launches (1 on SQLite, whose writes are serialized anyway).</summary>
    public async Task LaunchAsync(IEnumerable<(string Province, string Unit, JsonArray Committees)> cases, int writers, Action<int> progress, CancellationToken cancellationToken)
    {
        using var queue = cases.GetEnumerator();
        var gate = new object();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                (string Province, string Unit, JsonArray Committees) next;
                lock (gate)
                {
                    if (!queue.MoveNext())
                    {
                        return;
                    }

                    next = queue.Current;
                }

                var input = new JsonObject { ["province"] = next.Province, ["district"] = next.Unit, ["committees"] = next.Committees };
                await engine.StartCaseAsync(definitionId, input, Launcher, cancellationToken: cancellationToken);
                int launched;
                lock (gate)
                {
                    launched = ++Cases;
                    Committees += next.Committees.Count;
                }

                progress(launched);
            }
        }, cancellationToken)));
    }
}
