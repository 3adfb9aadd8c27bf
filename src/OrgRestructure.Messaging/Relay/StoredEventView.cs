using System.Globalization;
using System.Text.Json;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// A stored event with its JSON payload opened, plus the case facts the relay already knows
/// (district, title) for events that do not repeat them. Field look-ups accept the few spellings
/// the engine might use, so the mapping table stays one line per event type.
/// </summary>
public sealed class StoredEventView
{
    private readonly JsonElement _data;

    internal StoredEventView(StoredEvent stored, JsonElement data, CaseFacts facts)
    {
        Stored = stored;
        _data = data;
        Facts = facts;
    }

    public StoredEvent Stored { get; }

    public CaseFacts Facts { get; }

    public string CaseId => Text("caseId") ?? Facts.CaseId;

    public string District => Text("district", "districtName", "districtId") ?? Nested("input", "district") ?? Facts.District;

    /// <summary>The step id: the event's own, or that of the task it is about.</summary>
    public string? StepId => Text("stepId", "activityId") ?? (Text("taskId") is { } task ? Facts.StepOfTask(task) : null);

    public int? Step => Number("step", "stepNumber", "stepIndex") ?? StepNumbers.Of(StepId) ?? StepNumberFrom(Text("step"));

    public string? StepName => Text("stepName", "stepTitle") ?? StepId ?? (Property("step") is { ValueKind: JsonValueKind.String } s ? s.GetString() : null);

    /// <summary>A string field of a nested object, e.g. input.district of case-started.</summary>
    public string? Nested(string parent, string name) =>
        Property(parent) is { ValueKind: JsonValueKind.Object } o && TextOf(o, name) is { } value ? value : null;

    /// <summary>A string at a path of nested objects, e.g. context.returned.reason of task-created.</summary>
    public string? At(params string[] path)
    {
        var node = Property(path[0]);
        foreach (var name in path.Skip(1))
        {
            node = node is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var child) ? child : null;
        }

        return node is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
    }

    public string? Text(params string[] names)
    {
        var p = Property(names);
        return p?.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.Number => p.Value.GetRawText(),

            // The engine's LocalizedText: Vietnamese is the default language.
            JsonValueKind.Object => TextOf(p.Value, "vi") ?? TextOf(p.Value, "Vi"),
            _ => null,
        };
    }

    public int? Number(params string[] names)
    {
        var p = Property(names);
        if (p is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var value))
        {
            return value;
        }

        return p is { ValueKind: JsonValueKind.String } s && int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public DateTimeOffset? Time(params string[] names) =>
        Property(names) is { ValueKind: JsonValueKind.String } s && s.TryGetDateTimeOffset(out var t) ? t : null;

    /// <summary>A string or array of strings (or array of objects with an id) as a list.</summary>
    public IReadOnlyList<string> List(params string[] names)
    {
        var result = new List<string>();
        foreach (var name in names)
        {
            if (Property(name) is not { } p)
            {
                continue;
            }

            if (p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } one)
            {
                result.Add(one);
            }
            else if (p.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in p.EnumerateArray())
                {
                    var id = item.ValueKind switch
                    {
                        JsonValueKind.String => item.GetString(),
                        JsonValueKind.Object => TextOf(item, "userId") ?? TextOf(item, "id") ?? TextOf(item, "memberId"),
                        _ => null,
                    };
                    if (!string.IsNullOrEmpty(id))
                    {
                        result.Add(id);
                    }
                }
            }
        }

        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A field of the payload as it is (objects and arrays included), e.g. a notice's data or a task's context.</summary>
    public JsonElement? Element(params string[] names) => Property(names);

    private JsonElement? Property(params string[] names)
    {
        if (_data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            foreach (var p in _data.EnumerateObject())
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.Null)
                {
                    return p.Value;
                }
            }
        }

        return null;
    }

    private static string? TextOf(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // Step ids like "step-2-members-vote" or "2" still say which of the seven steps it is.
    private static int? StepNumberFrom(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var digits = new string(id.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99 ? n : null;
    }
}

/// <summary>What the relay remembers about a case: from its first event, and the step of each task it has seen.</summary>
public sealed record CaseFacts(string CaseId, string District, string? Title)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string? StepId, string? Role, string? Scope, string? Title)> _tasks = new(StringComparer.Ordinal);

    public bool KnowsTask(string taskId) => _tasks.ContainsKey(taskId);

    public string? StepOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? t.StepId : null;

    public string? TitleOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? t.Title : null;

    /// <summary>The role and scope a task was assigned to: who hears of its deadline.</summary>
    public (string? Role, string? Scope) AssigneeOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? (t.Role, t.Scope) : (null, null);

    internal void RememberTask(string taskId, string? stepId, string? role, string? scope, string? title) => _tasks[taskId] = (stepId, role, scope, title);
}
