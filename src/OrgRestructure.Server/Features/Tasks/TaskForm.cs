using System.Globalization;
using System.Text.Json.Nodes;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>
/// Binds an HTML form to a task's typed fields (from the workflow definition) and back: scalars by
/// name, stringList one per line, objectList rows as <c>field[i].sub</c>. It only converts; the
/// engine validates and refuses with field problems.
/// </summary>
public static class TaskForm
{
    public const int BlankRows = 2;

    /// <summary>Rows offered for a list: what is there plus room to add; an empty list (a new slate) gets a full page of rows.</summary>
    public const int EmptyListRows = 8;

    public static int RowsToShow(int filled) => filled == 0 ? EmptyListRows : filled + BlankRows;

    public static string Key(string field, int row, string sub) => $"{field}[{row}].{sub}";

    /// <summary>Posted form values → the JSON object the engine's CompleteTask expects. Empty values and blank rows are left out.</summary>
    public static JsonObject Read(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string> posted)
    {
        var data = new JsonObject();
        foreach (var field in fields)
        {
            if (field.Type == "objectList")
            {
                var rows = new JsonArray();
                for (var i = 0; posted.Keys.Any(k => k.StartsWith($"{field.Name}[{i}].", StringComparison.Ordinal)); i++)
                {
                    var row = new JsonObject();
                    foreach (var sub in field.Fields ?? [])
                    {
                        if (Value(sub, posted.GetValueOrDefault(Key(field.Name, i, sub.Name))) is { } v)
                        {
                            row[sub.Name] = v;
                        }
                    }

                    // A row with only a yes/no answer is an unused row.
                    if (row.Any(p => (field.Fields ?? []).First(f => f.Name == p.Key).Type != "boolean"))
                    {
                        rows.Add(row);
                    }
                }

                if (rows.Count > 0)
                {
                    data[field.Name] = rows;
                }
            }
            else if (Value(field, posted.GetValueOrDefault(field.Name)) is { } value)
            {
                data[field.Name] = value;
            }
        }

        return data;
    }

    /// <summary>Lists a clerk fills in by hand, never pre-filled with the candidates' names.</summary>
    private static readonly string[] HandFilledLists = ["headDecisions", "overrides"];

    /// <summary>
    /// What the form starts with. A form about the current candidates (a vote, vetting, the
    /// decision) starts from the current slate only: rows named from the task's context, no figures,
    /// verdicts, head decisions or reasons of an earlier round. Any other form (a returned slate)
    /// starts from what this step last recorded on the branch: it is revised, not retyped.
    /// </summary>
    public static JsonObject Prefill(CaseState state, WorkTask task)
    {
        var names = (task.Context["candidates"] ?? task.Context["vetted"]) as JsonArray;
        var previous = state.Tasks.Values
            .Where(t => t.BranchId == task.BranchId && t.StepId == task.StepId && t.Status == WorkTaskStatus.Completed && t.Data is not null)
            .OrderBy(t => t.CompletedAt).LastOrDefault();
        if (names is null && previous?.Data is { } data)
        {
            return (JsonObject)data.DeepClone();
        }

        var result = new JsonObject();
        foreach (var field in task.Form)
        {
            if (field.Type == "objectList" && names is not null && field.Fields is [var first, ..] && first.Name is "candidate" or "name" && !HandFilledLists.Contains(field.Name))
            {
                result[field.Name] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { [first.Name] = n?.ToString() })]);
            }
            else if (field.Type == "stringList" && task.Context[field.Name] is JsonArray list)
            {
                result[field.Name] = list.DeepClone();
            }
        }

        return result;
    }

    /// <summary>The list whose rows follow the tally: one per candidate exactly at the pass threshold, for the head to decide.</summary>
    public const string HeadDecisions = "headDecisions";

    /// <summary>
    /// Keeps in <paramref name="values"/> a head-decision row for each candidate the figures put exactly
    /// at the threshold (what was entered for them kept, a new row named and otherwise empty: no verdict
    /// is preset) and none for anyone else, by the rules the engine applies on submission.
    /// </summary>
    public static void KeepHeadDecisionsAtThreshold(JsonObject values, RuleParameters rules)
    {
        var entered = (values[HeadDecisions] as JsonArray)?.OfType<JsonObject>()
            .Where(r => r["candidate"] is not null).DistinctBy(r => r["candidate"]!.ToString().Trim(), StringComparer.Ordinal)
            .ToDictionary(r => r["candidate"]!.ToString().Trim(), StringComparer.Ordinal) ?? [];
        var atThreshold = Int(values["summoned"]) is { } summoned && Int(values["present"]) is { } present
            ? TallyPreview.Evaluate(summoned, present, Int(values["ballotsIssued"]), Int(values["ballotsReturned"]), [.. ((values["tallies"] as JsonArray)?.OfType<JsonObject>() ?? [])
                .Select(t => new TallyPreviewRow(t["candidate"]?.ToString(), Int(t["high"]), Int(t["normal"]), Int(t["low"]), Int(t["invalid"])))], rules)
                .Candidates.Where(c => c.AtThreshold).Select(c => c.Candidate).ToList()
            : [];
        values.Remove(HeadDecisions);
        if (atThreshold.Count > 0)
        {
            values[HeadDecisions] = new JsonArray([.. atThreshold.Select(name => entered.TryGetValue(name, out var row) ? row.DeepClone() : new JsonObject { ["candidate"] = name })]);
        }
    }

    private static int? Int(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (int)d : null;

    /// <summary>A stored value as the input shows it.</summary>
    public static string Show(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray a => string.Join('\n', a.Select(x => x?.ToString())),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => node.ToString(),
    };

    private static JsonNode? Value(FormField field, string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return field.Type switch
        {
            // Parsed as JSON text so the value is the same kind of node an API client's number becomes.
            "integer" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonNode.Parse(n.ToString(CultureInfo.InvariantCulture)),
            "number" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonNode.Parse(d.ToString("R", CultureInfo.InvariantCulture)),
            "boolean" => text is "true" or "on",
            "stringList" => new JsonArray([.. text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode)JsonValue.Create(s))]),
            _ => text,
        };
    }
}
