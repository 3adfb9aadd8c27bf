using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// A condition on case data. Config: "condition" — {"all": [...]}, {"any": [...]} or
/// {"path": DATA-PATH, "op": eq|ne|gt|gte|lt|lte|exists|missing, "value": literal or {"param": NAME}};
/// true → next, false → "else" (a step id or "end").
/// </summary>
internal sealed class GateActivity : IActivity
{
    private static readonly string[] Ops = ["eq", "ne", "gt", "gte", "lt", "lte", "exists", "missing"];

    public string Kind => "Gate";

    public bool CreatesTask => false;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["condition", "else"]);
        check.StepReference(check.Str(step.Config, "else", path, true), path + ".else", step, allowEnd: true);
        if (step.Config["condition"] is null)
        {
            check.Error(path + ".condition", "is required");
        }
        else
        {
            ValidateCondition(step.Config["condition"], path + ".condition", step, check);
        }
    }

    public void Start(StepContext context)
    {
        var passed = Evaluate(context, context.Config["condition"]!, out var explanation);
        var text = new LocalizedText((passed ? "Đạt: " : "Không đạt: ") + explanation, (passed ? "Met: " : "Not met: ") + explanation);
        context.Emit(new GateEvaluated(context.Branch.Id, context.Step.Id, passed, text, context.Now));
        context.Complete(passed ? "passed" : "failed", new JsonObject { ["passed"] = passed, ["explanation"] = explanation }, passed ? null : context.Text("else"));
    }

    private static void ValidateCondition(JsonNode? node, string path, StepDefinition step, DefinitionCheck check)
    {
        if (node is not JsonObject c)
        {
            check.Error(path, "must be an object");
            return;
        }

        foreach (var group in new[] { "all", "any" })
        {
            if (c[group] is null)
            {
                continue;
            }

            if (c[group] is not JsonArray items || items.Count == 0)
            {
                check.Error($"{path}.{group}", "must be a non-empty array of conditions");
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                ValidateCondition(items[i], $"{path}.{group}[{i}]", step, check);
            }

            return;
        }

        DefinitionReader.UnknownKeys(check, c, path, ["path", "op", "value"]);
        check.DataPath(check.Str(c, "path", path, true), path + ".path", step);
        var op = check.Str(c, "op", path, true);
        if (op is not null && !Ops.Contains(op))
        {
            check.Error(path + ".op", $"'{op}' is not an operator ({string.Join(", ", Ops)})");
        }

        if (op is not null and not "exists" and not "missing")
        {
            check.Setting(c, "value", path, true, "integer", "number", "string", "boolean");
        }
    }

    private static bool Evaluate(StepContext context, JsonNode condition, out string explanation)
    {
        var c = condition.AsObject();
        foreach (var group in new[] { "all", "any" })
        {
            if (c[group] is JsonArray items)
            {
                var parts = items.Select(i => (Passed: Evaluate(context, i!, out var e), Text: e)).ToList();
                explanation = "(" + string.Join(group == "all" ? " và/and " : " hoặc/or ", parts.Select(p => p.Text)) + ")";
                return group == "all" ? parts.All(p => p.Passed) : parts.Any(p => p.Passed);
            }
        }

        var path = c["path"]!.GetValue<string>();
        var op = c["op"]!.GetValue<string>();
        var actual = context.Resolve(path);
        var expected = context.Setting(c["value"]);
        var result = op switch
        {
            "exists" => actual is not null,
            "missing" => actual is null,
            "eq" => Compare(actual, expected) == 0,
            "ne" => Compare(actual, expected) != 0,
            "gt" => Compare(actual, expected) > 0,
            "gte" => Compare(actual, expected) >= 0,
            "lt" => Compare(actual, expected) is < 0 and not int.MinValue,
            "lte" => Compare(actual, expected) is <= 0 and not int.MinValue,
            _ => false,
        };
        explanation = $"{path} = {actual?.ToJsonString() ?? "∅"} {op} {expected?.ToJsonString() ?? string.Empty}".TrimEnd();
        return result;
    }

    /// <summary>Numbers compare as numbers, the rest as JSON text; int.MinValue when either side is missing.</summary>
    private static int Compare(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return int.MinValue;
        }

        if (a is JsonValue x && b is JsonValue y && x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
        {
            return x.AsDouble().CompareTo(y.AsDouble());
        }

        return string.CompareOrdinal(a.ToJsonString(), b.ToJsonString());
    }
}
