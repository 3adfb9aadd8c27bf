using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// A form list that must account for a list the case already holds, row for row — e.g. every old
/// committee closed once, with as many members transferred as it had. Config "matches":
/// [{"field": LIST FIELD, "key": ROW FIELD, "items": DATA PATH, "itemKey": ITEM FIELD,
/// "equal": {ROW FIELD: ITEM FIELD}}]. Refused: an item without a row, a row for no item, an item
/// named twice, a row whose value differs from its item's.
/// </summary>
internal static class MatchesCheck
{
    public static void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config.matches";
        if (step.Config["matches"] is null)
        {
            return;
        }

        if (step.Config["matches"] is not JsonArray rules)
        {
            check.Error(path, "must be an array of {\"field\", \"key\", \"items\", \"itemKey\", \"equal\"}");
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = $"{path}[{i}]";
            if (rules[i] is not JsonObject rule)
            {
                check.Error(rulePath, "must be an object");
                continue;
            }

            DefinitionReader.UnknownKeys(check, rule, rulePath, ["field", "key", "items", "itemKey", "equal"]);
            var field = check.Str(rule, "field", rulePath, true);
            check.Str(rule, "key", rulePath, true);
            check.DataPath(check.Str(rule, "items", rulePath, true), rulePath + ".items", step);
            check.Str(rule, "itemKey", rulePath, true);
            var fields = step.Config["fields"] as JsonArray ?? [];
            if (field is not null && !fields.Any(f => f?["name"]?.GetValue<string>() == field && f["type"]?.GetValue<string>() == "objectList"))
            {
                check.Error(rulePath + ".field", $"'{field}' is not an objectList field of this form");
            }

            if (rule["equal"] is not null and not JsonObject)
            {
                check.Error(rulePath + ".equal", "must be an object of ROW FIELD → ITEM FIELD");
            }
        }
    }

    public static void Enforce(StepContext context, WorkTask task, JsonObject data)
    {
        var problems = new List<FieldProblem>();
        foreach (var rule in (context.Config["matches"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var field = rule["field"]!.GetValue<string>();
            var key = rule["key"]!.GetValue<string>();
            var itemKey = rule["itemKey"]!.GetValue<string>();
            var items = (context.Resolve(rule["items"]!.GetValue<string>()) as JsonArray ?? []).OfType<JsonObject>().ToList();
            var rows = (data[field] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var label = task.Form.FirstOrDefault(f => f.Name == field)?.Label ?? new LocalizedText(field, field);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                var value = Text(rows[i][key]);
                var item = items.FirstOrDefault(x => Text(x[itemKey]) == value);
                if (item is null)
                {
                    problems.Add(new($"{field}[{i}].{key}", $"“{value}” không có trong danh sách của hồ sơ ({Names(items, itemKey)})", $"“{value}” is not in the case's list ({Names(items, itemKey)})"));
                    continue;
                }

                if (!seen.Add(value))
                {
                    problems.Add(new($"{field}[{i}].{key}", $"“{value}” được ghi hai lần trong {label.Vi.ToLowerInvariant()}", $"“{value}” is listed twice in {label.En.ToLowerInvariant()}"));
                    continue;
                }

                foreach (var (rowField, itemField) in rule["equal"] as JsonObject ?? [])
                {
                    var expected = item[itemField!.GetValue<string>()];
                    if (!JsonNode.DeepEquals(rows[i][rowField], expected))
                    {
                        var rowLabel = task.Form.FirstOrDefault(f => f.Name == field)?.Fields?.FirstOrDefault(f => f.Name == rowField)?.Label ?? new LocalizedText(rowField, rowField);
                        problems.Add(new($"{field}[{i}].{rowField}", $"{value}: {rowLabel.Vi.ToLowerInvariant()} là {Show(rows[i][rowField])}, hồ sơ ghi {Show(expected)}", $"{value}: {rowLabel.En.ToLowerInvariant()} is {Show(rows[i][rowField])}, the case records {Show(expected)}"));
                    }
                }
            }

            var missing = items.Select(x => Text(x[itemKey])).Where(v => !seen.Contains(v) && rows.All(r => Text(r[key]) != v)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(new(field, $"{label.Vi} còn thiếu: {string.Join(", ", missing)}", $"{label.En} is missing: {string.Join(", ", missing)}"));
            }
        }

        PartyRules.Refuse("list-does-not-match", "Danh sách chưa khớp hồ sơ: ", "The list does not match the case: ", problems);
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : node?.ToJsonString() ?? string.Empty;

    private static string Show(JsonNode? node) => node is null ? "—" : Text(node);

    private static string Names(IEnumerable<JsonObject> items, string itemKey) => string.Join(", ", items.Select(x => Text(x[itemKey])));
}
