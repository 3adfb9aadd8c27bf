using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrgRestructure.Workflows.Activities;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Definitions;

/// <summary>
/// Reads and validates one definition file: structure (the same rules as workflows/schema.json),
/// then references (step ids unique, transitions to existing steps, parameters typed, activity
/// kinds known, each activity's config valid for its kind). Every error names file + JSON path.
/// </summary>
public static partial class DefinitionReader
{
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Read(string file, string json)
    {
        var check = new DefinitionCheck(file);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            check.Error($"$ (line {ex.LineNumber + 1})", "is not valid JSON: " + ex.Message);
            return (null, check.Errors);
        }

        if (root is not JsonObject doc)
        {
            check.Error("$", "must be a JSON object");
            return (null, check.Errors);
        }

        var known = new[] { "$schema", "id", "version", "title", "description", "legalBasis", "parameters", "input", "steps", "campaign" };
        UnknownKeys(check, doc, "$", known);
        var id = check.Str(doc, "id", "$", true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            check.Error("$.id", "must be lower-case words joined by '-' (e.g. party-committee-formation)");
        }

        var version = ReadVersion(check, doc);
        var title = check.Text(doc, "title", "$", true);
        var description = check.Text(doc, "description", "$", false);
        var legalBasis = check.StringList(doc, "legalBasis", "$", true) ?? [];
        var parameters = ReadParameters(check, doc);
        // Declared types count for references even when a default is wrong, so each mistake is reported once.
        check.ParameterTypes = (doc["parameters"] as JsonObject ?? [])
            .Where(p => p.Value?["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && ParameterValues.Types.Contains(t.GetValue<string>()))
            .ToDictionary(p => p.Key, p => p.Value!["type"]!.GetValue<string>());
        var input = doc["input"] is null ? [] : FormFieldReader.ReadList(check, doc["input"], "$.input");
        var campaign = ReadCampaign(check, doc["campaign"]);

        var steps = new List<StepDefinition>();
        if (doc["steps"] is JsonArray stepArray && stepArray.Count > 0)
        {
            steps = ReadSteps(check, stepArray, "$.steps", null);
        }
        else
        {
            check.Error("$.steps", "is required: a non-empty array of steps");
        }

        var all = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        foreach (var step in Flatten(steps))
        {
            if (!all.TryAdd(step.Id, step))
            {
                check.Error(step.JsonPath + ".id", $"step id '{step.Id}' is used twice (first at {all[step.Id].JsonPath})");
            }
        }

        check.Steps = all;
        foreach (var step in all.Values)
        {
            check.StepReference(step.Next, step.JsonPath + ".next", step, allowEnd: true);
            check.DataPath(step.Task?.ScopePath, step.JsonPath + ".task.scope", step);
            for (var i = 0; i < (step.DateOrder?.Count ?? 0); i++)
            {
                check.DataPath(step.DateOrder![i].NotBefore, $"{step.JsonPath}.dateOrder[{i}].notBefore", step);
                check.DataPath(step.DateOrder![i].NotAfter, $"{step.JsonPath}.dateOrder[{i}].notAfter", step);
            }

            foreach (var p in step.Notice?.Data ?? [])
            {
                check.DataPath(p, step.JsonPath + ".notice.data", step);
            }

            if (ActivityCatalog.TryGet(step.Kind, out var activity))
            {
                activity.ValidateConfig(step, check);
                if (activity.CreatesTask && step.Task is null)
                {
                    check.Error(step.JsonPath + ".task", $"is required for a {step.Kind} step (who works it, by when)");
                }
            }
        }

        if (check.Errors.Count > 0 || id is null || version is null || title is null)
        {
            return (null, check.Errors);
        }

        return (new WorkflowDefinition(id, version.Value, title, description, legalBasis, parameters, input, steps, ContentHash(doc), file) { Campaign = campaign }, check.Errors);
    }

    /// <summary>
    /// The hash a case pins. The campaign declaration and each step's number and notice are left out:
    /// which plan a procedure serves, and how its notices name its steps and whom they reach, are
    /// publishing, not the procedure, so adding them keeps every published version's hash.
    /// </summary>
    public static string ContentHash(JsonObject doc)
    {
        var content = doc;
        if (doc.ContainsKey("campaign") || HasNotices(doc["steps"]))
        {
            content = (JsonObject)doc.DeepClone();
            content.Remove("campaign");
            RemoveNotices(content["steps"]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToJsonString())));
    }

    private static readonly string[] NoticeKeys = ["number", "notice"];

    private static bool HasNotices(JsonNode? steps) =>
        steps is JsonArray a && a.OfType<JsonObject>().Any(s => NoticeKeys.Any(s.ContainsKey) || HasNotices(s["body"]));

    private static void RemoveNotices(JsonNode? steps)
    {
        foreach (var step in (steps as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            foreach (var key in NoticeKeys)
            {
                step.Remove(key);
            }

            RemoveNotices(step["body"]);
        }
    }

    private static int? ReadStepNumber(DefinitionCheck check, JsonNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= 1)
        {
            return n;
        }

        check.Error(path, "must be a whole number ≥ 1 (which step of the procedure this is)");
        return null;
    }

    /// <summary>"campaign": {"plan": KIND, "current": true|false} — the plan this procedure launches cases for.</summary>
    private static CampaignDeclaration? ReadCampaign(DefinitionCheck check, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject o)
        {
            check.Error("$.campaign", "must be an object {\"plan\": KIND, \"current\": true|false}");
            return null;
        }

        UnknownKeys(check, o, "$.campaign", ["plan", "current"]);
        var plan = check.Str(o, "plan", "$.campaign", true);
        var current = check.Bool(o, "current", "$.campaign") ?? false;
        if (plan is not null && !IdPattern().IsMatch(plan))
        {
            check.Error("$.campaign.plan", "must be lower-case words joined by '-' (e.g. district-survey)");
        }

        return plan is null ? null : new CampaignDeclaration(plan, current);
    }

    internal static void UnknownKeys(DefinitionCheck check, JsonObject obj, string path, IReadOnlyCollection<string> known)
    {
        foreach (var (key, _) in obj)
        {
            if (!known.Contains(key))
            {
                check.Error($"{path}.{key}", $"is not a known property (allowed: {string.Join(", ", known)})");
            }
        }
    }

    private static int? ReadVersion(DefinitionCheck check, JsonObject doc)
    {
        if (doc["version"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= 1)
        {
            return n;
        }

        check.Error("$.version", doc["version"] is null ? "is required" : "must be a whole number ≥ 1");
        return null;
    }

    private static Dictionary<string, ParameterDefinition> ReadParameters(DefinitionCheck check, JsonObject doc)
    {
        var result = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        if (doc["parameters"] is null)
        {
            return result;
        }

        if (doc["parameters"] is not JsonObject parameters)
        {
            check.Error("$.parameters", "must be an object of NAME → {type, default, title}");
            return result;
        }

        foreach (var (name, node) in parameters)
        {
            var path = $"$.parameters.{name}";
            if (node is not JsonObject p)
            {
                check.Error(path, "must be an object with type, default and title");
                continue;
            }

            UnknownKeys(check, p, path, ["type", "default", "title", "source", "options"]);
            var type = check.Str(p, "type", path, true);
            var title = check.Text(p, "title", path, true);
            var source = check.Text(p, "source", path, false);
            if (type is not null && !ParameterValues.Types.Contains(type))
            {
                check.Error(path + ".type", $"'{type}' is not a parameter type ({string.Join(", ", ParameterValues.Types)})");
                continue;
            }

            if (p["default"] is null)
            {
                check.Error(path + ".default", "is required");
            }
            else if (type is not null && !ParameterValues.Matches(type, p["default"]))
            {
                check.Error(path + ".default", $"must be a value of type {type}");
            }
            else if (type is not null && title is not null)
            {
                var options = ParameterOptions(check, p, path, type);
                if (options is not null && !new ParameterDefinition(name, type, p["default"]!, title, source, options).Allows(p["default"]))
                {
                    check.Error(path + ".default", "must be one of the options");
                }

                result[name] = new ParameterDefinition(name, type, p["default"]!.DeepClone(), title, source, options);
            }
        }

        return result;
    }

    private static List<StepDefinition> ReadSteps(DefinitionCheck check, JsonArray array, string path, string? containerId)
    {
        var steps = new List<StepDefinition>();
        for (var i = 0; i < array.Count; i++)
        {
            var stepPath = $"{path}[{i}]";
            if (array[i] is not JsonObject s)
            {
                check.Error(stepPath, "must be an object");
                continue;
            }

            UnknownKeys(check, s, stepPath, ["id", "title", "kind", "config", "task", "next", "body", "dateOrder", "number", "notice"]);
            var id = check.Str(s, "id", stepPath, true);
            if (id is not null && (!IdPattern().IsMatch(id) || id == StepDefinition.End))
            {
                check.Error(stepPath + ".id", $"'{id}' must be lower-case words joined by '-' and not 'end'");
            }

            var title = check.Text(s, "title", stepPath, true);
            var kind = check.Str(s, "kind", stepPath, true);
            if (kind is not null && !ActivityCatalog.TryGet(kind, out _))
            {
                check.Error(stepPath + ".kind", $"'{kind}' is not an activity kind ({string.Join(", ", ActivityCatalog.Kinds)})");
            }

            var config = s["config"] as JsonObject ?? [];
            if (s["config"] is not null and not JsonObject)
            {
                check.Error(stepPath + ".config", "must be an object");
            }

            var next = check.Str(s, "next", stepPath, false);
            var task = s["task"] is null ? null : ReadTask(check, s["task"], stepPath + ".task");
            var body = new List<StepDefinition>();
            if (s["body"] is not null && kind is not null and not "ForEach")
            {
                check.Error(stepPath + ".body", $"only a ForEach step has a body, not a {kind} step");
            }
            else if (s["body"] is JsonArray bodyArray)
            {
                body = ReadSteps(check, bodyArray, stepPath + ".body", id);
            }
            else if (s["body"] is not null)
            {
                check.Error(stepPath + ".body", "must be an array of steps");
            }

            if (id is null || title is null || kind is null)
            {
                continue;
            }

            var dateOrder = ReadDateOrder(check, s["dateOrder"], stepPath + ".dateOrder");
            steps.Add(new StepDefinition(id, title, kind, (JsonObject)config.DeepClone(), task, next, body, containerId, stepPath, dateOrder)
            {
                Number = ReadStepNumber(check, s["number"], stepPath + ".number"),
                Notice = StepNoticeReader.Read(check, s["notice"], stepPath + ".notice", kind),
            });
        }

        return steps;
    }

    /// <summary>"dateOrder": [{"field": a date field of the step's form, "notBefore"/"notAfter": data paths to a date (an earlier step's, a date parameter)}].</summary>
    private static List<DateOrderRule> ReadDateOrder(DefinitionCheck check, JsonNode? node, string path)
    {
        var rules = new List<DateOrderRule>();
        if (node is null)
        {
            return rules;
        }

        if (node is not JsonArray array)
        {
            check.Error(path, "must be an array of {\"field\", \"notBefore\" / \"notAfter\"}");
            return rules;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (array[i] is not JsonObject o)
            {
                check.Error(itemPath, "must be an object");
                continue;
            }

            UnknownKeys(check, o, itemPath, ["field", "notBefore", "notAfter"]);
            var field = check.Str(o, "field", itemPath, true);
            var notBefore = check.Str(o, "notBefore", itemPath, false);
            var notAfter = check.Str(o, "notAfter", itemPath, false);
            if (notBefore is null && notAfter is null)
            {
                check.Error(itemPath, "needs \"notBefore\" and/or \"notAfter\" (a data path to a date)");
            }
            else if (field is not null)
            {
                rules.Add(new DateOrderRule(field, notBefore, notAfter));
            }
        }

        return rules;
    }

    private static TaskSettings? ReadTask(DefinitionCheck check, JsonNode? node, string path)
    {
        if (node is not JsonObject t)
        {
            check.Error(path, "must be an object");
            return null;
        }

        UnknownKeys(check, t, path, ["assigneeRole", "candidateGroups", "scope", "dueWorkingDays", "dueDate", "reminderDaysBefore", "escalateTo"]);
        var role = check.Str(t, "assigneeRole", path, true);
        var groups = check.StringList(t, "candidateGroups", path, false) ?? [];
        var scope = check.Str(t, "scope", path, false);
        check.Setting(t, "dueWorkingDays", path, false, "integer");
        check.Setting(t, "dueDate", path, false, "date");
        check.Setting(t, "reminderDaysBefore", path, false, "integer");
        var escalateTo = check.Str(t, "escalateTo", path, false);
        return role is null ? null : new TaskSettings(role, groups, scope, t["dueWorkingDays"]?.DeepClone(), t["reminderDaysBefore"]?.DeepClone(), escalateTo, t["dueDate"]?.DeepClone());
    }

    private static IEnumerable<StepDefinition> Flatten(IEnumerable<StepDefinition> steps) =>
        steps.SelectMany(s => new[] { s }.Concat(Flatten(s.Body)));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>"options": { CODE: {vi, en} } — the values a string parameter may take, with their words.</summary>
    private static Dictionary<string, LocalizedText>? ParameterOptions(DefinitionCheck check, JsonObject p, string path, string type)
    {
        if (p["options"] is null)
        {
            return null;
        }

        if (p["options"] is not JsonObject o || o.Count == 0 || type != "string")
        {
            check.Error(path + ".options", "must be a non-empty object CODE → {vi, en}, on a string parameter");
            return null;
        }

        var options = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (code, _) in o)
        {
            if (check.Text(o, code, path + ".options", true) is { } label)
            {
                options[code] = label;
            }
        }

        return options;
    }
}
