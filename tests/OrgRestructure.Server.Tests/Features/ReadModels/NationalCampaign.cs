using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.ReadModels;

/// <summary>
/// The 2025 national campaign of ../shared/data/vietnam-2025-communes.json (34 provinces, 3,321 new
/// units formed from 10,035) written straight into the store, one short case per unit: started, one
/// branch per former organization, each waiting at its slate task. Until the import of that file
/// exists this is the quickest way to hold the same number of cases.
/// </summary>
public static class NationalCampaign
{
    public static string File => Path.Combine(Path.GetDirectoryName(RepoPaths.Survey)!, "vietnam-2025-communes.json");

    public static IEnumerable<(string Province, string Unit, IReadOnlyList<string> Committees)> Units()
    {
        var root = JsonNode.Parse(System.IO.File.ReadAllText(File))!;
        foreach (var province in root["provinces"]!.AsArray())
        {
            foreach (var unit in province!["units"]!.AsArray())
            {
                yield return (province["province"]!.GetValue<string>(), unit!["name"]!.GetValue<string>(),
                    [.. unit["formedFrom"]!.AsArray().Select(f => f!["name"]!.GetValue<string>())]);
            }
        }
    }

    /// <summary>Appends one case; returns how many open tasks it has.</summary>
    public static async Task<int> AppendCaseAsync(IEventStore store, WorkflowDefinition definition, string province, string unit, IReadOnlyList<string> committees, DateTimeOffset at)
    {
        var caseId = CaseStreamFolder.StreamPrefix + Guid.NewGuid().ToString("N");
        var fanOut = definition.AllSteps.Values.First(s => s.Kind == "ForEach");
        // Each committee waits at its slate, the step of the district's standing committee.
        var task = fanOut.Body.First(s => s.Id == "slate");
        var input = new JsonObject
        {
            ["province"] = province,
            ["district"] = unit,
            ["committees"] = new JsonArray([.. committees.Select((c, i) => (JsonNode)new JsonObject { ["id"] = $"c{i}", ["name"] = c, ["members"] = 45 })]),
        };
        var events = new List<ICaseEvent>
        {
            new CaseStarted(caseId, definition.Id, definition.Version, definition.Hash, definition.Title, input, [], definition.Steps[0].Id, "seed", at),
        };
        for (var i = 0; i < committees.Count; i++)
        {
            var branch = $"{fanOut.Id}-{i}";
            events.Add(new BranchStarted(branch, CaseState.RootBranchId, fanOut.Id, i, committees[i], null, task.Id, at));
            events.Add(new TaskCreated($"t-{i}-{task.Id}", branch, task.Id, task.Kind, task.Title, task.Task!.AssigneeRole, [], unit, at.AddDays(30), at.AddDays(27), null, [], [], at));
        }

        await store.AppendAsync(new AppendRequest(
            caseId, AppendRequest.NoStream, [.. events.Select(e => new NewEvent(EventTypeRegistry.NameOf(e), EventTypeRegistry.Serialize(e)))], new EventMetadata("seed", "administrator", Guid.NewGuid())));
        return committees.Count;
    }
}
