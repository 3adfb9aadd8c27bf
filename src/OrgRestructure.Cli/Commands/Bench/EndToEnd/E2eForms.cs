using System.Text.Json.Nodes;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// Fills a task's form as a clerk would, from what <c>GET /api/cases/{id}/tasks/{taskId}</c> returns:
/// the form (fields, types, limits, options) and the step's context (the candidates put to a vote or
/// to vetting, those who passed vetting, the appointees, the decisions recorded, the committee's
/// members). Everything passes — a full conference, every ballot of high confidence, every verdict
/// approving, a decision within the slate — so that a branch walks to its end and its case completes.
/// Dates follow the steps' order: slate, conferences, vetting, decision, ceremony, first meeting.
/// </summary>
internal static class E2eForms
{
    private static readonly string[] Slate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];

    /// <summary>Those summoned to a conference when the case does not limit them to fewer (the committee's members).</summary>
    private const int Conference = 30;

    private static int _decisions;

    public static JsonObject Fill(JsonObject task)
    {
        var kind = task["kind"]?.GetValue<string>() ?? string.Empty;
        var context = task["context"] as JsonObject ?? [];
        var form = (task["form"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var names = Names(context);
        var summoned = Summoned(kind, context, names);
        var data = new JsonObject();
        foreach (var field in form)
        {
            if (Value(field, kind, form, context, names, summoned) is { } value)
            {
                data[Text(field, "name")] = value;
            }
        }

        return data;
    }

    private static JsonNode? Value(JsonObject field, string kind, List<JsonObject> form, JsonObject context, List<string> names, int summoned)
    {
        var subFields = (field["fields"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        switch (Text(field, "name"))
        {
            case "summoned" or "present" or "ballotsIssued" or "ballotsReturned" or "summonedAtMost":
                return summoned;
            case "tallies":
                return Rows(names, (c, _) => new JsonObject { ["candidate"] = c, ["high"] = summoned, ["normal"] = 0, ["low"] = 0, ["invalid"] = 0 });
            case "verdicts":
                return Rows(OptionsOf(subFields, "candidate") ?? names, (c, _) => new JsonObject { ["candidate"] = c, ["approved"] = true, ["reason"] = "Đạt tiêu chuẩn" });
            case "appointees":
                return Rows(names, (c, i) => new JsonObject { ["name"] = c, ["position"] = PositionAt(i, OptionsOf(subFields, "position")) });
            case "candidates" when subFields.Any(f => Text(f, "name") == "votes"):
                return Rows(names.Take(Bound(form, "seats", names.Count)).ToList(), (c, _) => new JsonObject { ["name"] = c, ["votes"] = summoned });
            case "candidates":
                return Rows(Slate, (c, i) => new JsonObject { ["name"] = c, ["position"] = PositionAt(i, OptionsOf(subFields, "position")) });
            case "executiveSeats":
                return Clamp(field, Slate.Length);
            case "deputySecretaries":
                return Clamp(field, 1);
            case "seats":
                return Clamp(field, names.Count);
            case "chair":
                return names.Count > 0 ? names[0] : Slate[0];
            case "decisions":
                return context["decisions"] is JsonArray decisions ? decisions.DeepClone() : new JsonArray("01-QĐ/HU");
            case "attendees":
                return 60;
        }

        if (field["required"]?.GetValue<bool>() != true)
        {
            return null;
        }

        return Text(field, "type") switch
        {
            "date" => Date(kind, form),
            "integer" or "number" => Clamp(field, 1),
            "boolean" => true,
            "choice" => (field["options"] as JsonArray)?.FirstOrDefault()?.DeepClone(),
            "stringList" => new JsonArray(Label(field)),
            "objectList" => new JsonArray(Row(subFields, kind, form, context, names, summoned)),
            "string" when Text(field, "name") == "number" => $"{Interlocked.Increment(ref _decisions)}-QĐ/HU",
            _ => $"{Label(field)}: theo biên bản",
        };
    }

    /// <summary>One row of a list the bench knows nothing about: its required fields filled like the form's.</summary>
    private static JsonObject Row(List<JsonObject> subFields, string kind, List<JsonObject> form, JsonObject context, List<string> names, int summoned)
    {
        var row = new JsonObject();
        foreach (var sub in subFields)
        {
            if (Value(sub, kind, form, context, names, summoned) is { } value)
            {
                row[Text(sub, "name")] = value;
            }
        }

        return row;
    }

    /// <summary>
    /// The people the step is about: the candidates put to it, those who passed vetting, or (the new
    /// committee's own election) the appointees named in its context; a new slate otherwise.
    /// </summary>
    private static List<string> Names(JsonObject context)
    {
        if ((context["candidates"] ?? context["vetted"]) is JsonArray list)
        {
            return [.. list.Select(n => n?.GetValue<string>()).OfType<string>()];
        }

        var people = context.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault(a => a.Count > 0 && a.All(x => x is JsonObject o && o["name"] is not null));
        return people is null ? [.. Slate] : [.. people.Select(p => p!["name"]!.GetValue<string>())];
    }

    /// <summary>A full conference: the committee's members when the case caps those summoned, the new committee itself at its election.</summary>
    private static int Summoned(string kind, JsonObject context, List<string> names)
    {
        if (context["summonedAtMost"] is JsonValue limit && limit.TryGetValue<double>(out var members))
        {
            return Math.Clamp((int)members, 1, Conference);
        }

        return kind == "Election" ? Math.Max(1, names.Count) : Conference;
    }

    /// <summary>The form's date for a step, in the procedure's order (the same day would also be in order).</summary>
    private static string Date(string kind, List<JsonObject> form) => kind switch
    {
        "HumanTask" when form.Any(f => Text(f, "name") == "candidates") => "2025-07-01",
        "ConfidenceVote" => "2025-07-05",
        "Approval" => "2025-07-10",
        "Decision" => "2025-07-15",
        "Announcement" => "2025-07-20",
        _ => "2025-07-25",
    };

    /// <summary>The first person the secretary, the second the deputy, the others committee members (or what the form offers).</summary>
    private static string PositionAt(int index, IReadOnlyList<string>? options)
    {
        var wanted = index switch { 0 => "secretary", 1 => "deputy-secretary", _ => "executive-committee" };
        return options is null || options.Contains(wanted) ? wanted : options[^1];
    }

    private static List<string>? OptionsOf(List<JsonObject> fields, string name) =>
        (fields.FirstOrDefault(f => Text(f, "name") == name)?["options"] as JsonArray)?.Select(o => o!.GetValue<string>()).ToList();

    private static int Bound(List<JsonObject> form, string name, int wanted) =>
        form.FirstOrDefault(f => Text(f, "name") == name) is { } field ? Clamp(field, wanted) : wanted;

    private static int Clamp(JsonObject field, int wanted)
    {
        var min = field["min"] is JsonValue lo ? (int)lo.GetValue<double>() : int.MinValue;
        var max = field["max"] is JsonValue hi ? (int)hi.GetValue<double>() : int.MaxValue;
        return Math.Clamp(wanted, min, Math.Max(min, max));
    }

    private static JsonArray Rows(IReadOnlyList<string> names, Func<string, int, JsonObject> row) =>
        new([.. names.Select((n, i) => (JsonNode)row(n, i))]);

    private static string Text(JsonObject field, string key) => field[key]?.GetValue<string>() ?? string.Empty;

    private static string Label(JsonObject field) => (field["label"] as JsonObject)?["vi"]?.GetValue<string>() ?? Text(field, "name");
}
