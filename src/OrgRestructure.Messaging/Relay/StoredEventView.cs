using System.Globalization;
using System.Text.Json;
using OrgRestructure.Contracts;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// A stored event with its JSON payload opened, plus the case facts the relay already knows
/// (district, title, its procedure's definition) for events that do not repeat them. Field look-ups accept the few spellings
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

    /// <summary>Where the case runs: its district; a case without one (a 2025 unit) by its unit, else its province.</summary>
    public string District => Text("district", "districtName", "districtId") ?? Nested("input", "district") ?? Nested("input", "unitName") ?? Nested("input", "province") ?? Facts.District;

    /// <summary>The step id: the event's own, or that of the task it is about.</summary>
    public string? StepId => Text("stepId", "activityId") ?? (Text("taskId") is { } task ? Facts.StepOfTask(task) : null);

    /// <summary>The step in the case's definition (the version the case pinned), when known.</summary>
    public StepDefinition? StepDefinition =>
        StepId is { } id && Facts.Definition is { } d && d.AllSteps.TryGetValue(id, out var step) ? step : null;

    public int? Step => Number("step", "stepNumber", "stepIndex") ?? StepDefinition?.Number;

    /// <summary>The case and the step in words, from the definition (a step it does not know is named by none).</summary>
    public Wording Wording => Facts.WordingOf(StepDefinition);

    /// <summary>The groups the step's definition says hear of its start.</summary>
    public IReadOnlyList<string> StepAudience => StepDefinition?.Notice?.Notify ?? [];

    /// <summary>For a completed ForEach branch whose step declares a progress notice: how far its ForEach is.</summary>
    public BranchProgress? Progress { get; internal set; }

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
}

/// <summary>
/// What the relay remembers about a case: from its first event (with the definition version it
/// pinned, when the registry knows it), and the step of each task it has seen.
/// </summary>
public sealed record CaseFacts(string CaseId, string District, string? Title)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string? StepId, string? Role, string? Scope, string? Title, string? TitleEn)> _tasks = new(StringComparer.Ordinal);

    public string? TitleEn { get; init; }

    public WorkflowDefinition? Definition { get; init; }

    public bool KnowsTask(string taskId) => _tasks.ContainsKey(taskId);

    public string? StepOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? t.StepId : null;

    public string? TitleOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? t.Title : null;

    public string? TitleEnOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? t.TitleEn : null;

    public Wording WordingOf(StepDefinition? step) => new(
        Title is null ? null : new Bilingual(Title, TitleEn ?? Title),
        step is null ? null : new Bilingual(step.NoticeTitle.Vi, step.NoticeTitle.En),
        step?.Notice?.Text is { } text ? new Bilingual(text.Vi, text.En) : null);

    /// <summary>The role and scope a task was assigned to: who hears of its deadline.</summary>
    public (string? Role, string? Scope) AssigneeOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? (t.Role, t.Scope) : (null, null);

    internal void RememberTask(string taskId, string? stepId, string? role, string? scope, string? title, string? titleEn) => _tasks[taskId] = (stepId, role, scope, title, titleEn);
}

/// <summary>A ForEach's branches when one of them completed: <see cref="Done"/> of <see cref="Total"/> (cancelled ones not counted).</summary>
public sealed record BranchProgress(StepDefinition ForEach, ProgressNotice Notice, string? Label, int Done, int Total);
