using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// A decision's "seats": {POSITION: {"min": n, "max": n}} (literal or {"param": NAME}) — how many
/// people a decision appoints to each position, e.g. exactly one secretary and one inspection chair,
/// at most two inspection vice-chairs, when the higher committee appoints a whole new committee at once.
/// </summary>
internal static class DecisionSeats
{
    public static void ValidateConfig(StepDefinition step, DefinitionCheck check, IReadOnlyList<string> positions)
    {
        var path = step.JsonPath + ".config.seats";
        if (step.Config["seats"] is null)
        {
            return;
        }

        if (step.Config["seats"] is not JsonObject seats)
        {
            check.Error(path, "must be an object of POSITION → {\"min\", \"max\"}");
            return;
        }

        foreach (var (position, node) in seats)
        {
            if (!positions.Contains(position))
            {
                check.Error($"{path}.{position}", $"'{position}' is not one of the positions");
            }

            if (node is not JsonObject bounds)
            {
                check.Error($"{path}.{position}", "must be an object with \"min\" and/or \"max\"");
                continue;
            }

            DefinitionReader.UnknownKeys(check, bounds, $"{path}.{position}", ["min", "max"]);
            check.Setting(bounds, "min", $"{path}.{position}", false, "integer");
            check.Setting(bounds, "max", $"{path}.{position}", false, "integer");
        }
    }

    /// <summary>Whether the decision names the seats it fills (then it must appoint someone).</summary>
    public static bool Declared(StepContext context) => context.Config["seats"] is JsonObject { Count: > 0 };

    public static void Enforce(StepContext context, IReadOnlyList<Appointee> appointees)
    {
        if (context.Config["seats"] is not JsonObject seats)
        {
            return;
        }

        var problems = new List<FieldProblem>();
        var words = Forms.OptionVocabulary.For(seats.Select(s => s.Key)) ?? new Dictionary<string, LocalizedText>();
        foreach (var (position, node) in seats)
        {
            var names = appointees.Where(a => a.Position == position).Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
            var label = words.GetValueOrDefault(position) ?? new LocalizedText(position, position);
            var min = context.Setting(node?["min"]) is JsonValue lo ? (int)lo.AsDouble() : (int?)null;
            var max = context.Setting(node?["max"]) is JsonValue hi ? (int)hi.AsDouble() : (int?)null;
            if (min is { } least && names.Count < least)
            {
                problems.Add(new("appointees", $"cần chỉ định ít nhất {least} {label.Vi} (mới có {names.Count})", $"at least {least} {label.En.ToLowerInvariant()} must be appointed ({names.Count} so far)"));
            }

            if (max is { } most && names.Count > most)
            {
                problems.Add(new("appointees", $"chỉ được chỉ định tối đa {most} {label.Vi} ({string.Join(", ", names)})", $"at most {most} {label.En.ToLowerInvariant()} may be appointed ({string.Join(", ", names)})"));
            }
        }

        PartyRules.Refuse("decision-seats", "Quyết định chưa đủ hoặc vượt số người từng chức vụ: ", "The decision does not fill the positions as required: ", problems);
    }
}
