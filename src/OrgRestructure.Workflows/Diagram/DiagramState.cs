using System.Text.Json.Nodes;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Diagram;

/// <summary>Where a case stands on its definition: how many branches are at, or have completed, each step.</summary>
public sealed record DiagramState(IReadOnlyDictionary<string, int> At, IReadOnlyDictionary<string, int> Completed, string? Status)
{
    public static DiagramState From(CaseState state)
    {
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var completed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var branch in state.Branches.Values)
        {
            Count(completed, branch.CompletedSteps);
            if (branch.Status == BranchStatus.Active && branch.CurrentStepId is { } current)
            {
                Count(at, [current]);
            }
        }

        return new DiagramState(at, completed, state.Status.ToString().ToLowerInvariant());
    }

    /// <summary>Reads the JSON printed by replay (CaseStreamFolder.ToJson).</summary>
    public static DiagramState FromJson(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("The case state is not a JSON object.");
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var completed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, node) in root["branches"]?.AsObject() ?? [])
        {
            var branch = node!.AsObject();
            Count(completed, (branch["completedSteps"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()));
            if (branch["status"]?.GetValue<string>() == "active" && branch["currentStepId"]?.GetValue<string>() is { } current)
            {
                Count(at, [current]);
            }
        }

        return new DiagramState(at, completed, root["status"]?.GetValue<string>());
    }

    private static void Count(Dictionary<string, int> counts, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            counts[step] = counts.GetValueOrDefault(step) + 1;
        }
    }
}
