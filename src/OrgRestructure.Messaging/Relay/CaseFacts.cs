using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Contracts;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// What the relay remembers about a case: from its case-started event (with the definition version it
/// pinned, when the registry knows it), and the step of each task it has seen.
/// </summary>
public sealed record CaseFacts(string CaseId, string District, string? Title)
{
    private readonly ConcurrentDictionary<string, KnownTask> _tasks = new(StringComparer.Ordinal);

    public string? TitleEn { get; init; }

    public WorkflowDefinition? Definition { get; init; }

    /// <summary>The facts of a case from the event that started it.</summary>
    public static CaseFacts Of(CaseStarted started, WorkflowDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(started);
        return new(started.CaseId, PlaceOf(started.Input), started.Title.Vi) { TitleEn = started.Title.En, Definition = definition };
    }

    private static readonly string[] PlaceFields = ["district", "unitName", "province"];

    /// <summary>
    /// Where the case runs, as its notices name it: its district; a case without one (a 2025 unit,
    /// the district level being abolished) by its unit, else its province.
    /// </summary>
    private static string PlaceOf(JsonObject input) =>
        PlaceFields
            .Select(key => input[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null)
            .FirstOrDefault(place => place is not null) ?? string.Empty;

    public bool KnowsTask(string taskId) => _tasks.ContainsKey(taskId);

    public string? StepOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? t.StepId : null;

    public string? TitleOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? t.Title.Vi : null;

    public string? TitleEnOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? t.Title.En : null;

    public Wording WordingOf(StepDefinition? step) => new(
        Title is null ? null : new Bilingual(Title, TitleEn ?? Title),
        step is null ? null : new Bilingual(step.NoticeTitle.Vi, step.NoticeTitle.En),
        step?.Notice?.Text is { } text ? new Bilingual(text.Vi, text.En) : null);

    /// <summary>The role and scope a task was assigned to: who hears of its deadline.</summary>
    public (string? Role, string? Scope) AssigneeOfTask(string taskId) => _tasks.TryGetValue(taskId, out var t) ? (t.AssigneeRole, t.Scope) : (null, null);

    // Only what later events of the task need: a case's forms and context stay out of the cache.
    internal void RememberTask(TaskCreated created) => _tasks[created.TaskId] = new(created.StepId, created.AssigneeRole, created.Scope, created.Title);

    private readonly record struct KnownTask(string StepId, string? AssigneeRole, string? Scope, LocalizedText Title);
}

/// <summary>A ForEach's branches when one of them completed: <see cref="Done"/> of <see cref="Total"/> (cancelled ones not counted).</summary>
public sealed record BranchProgress(StepDefinition ForEach, ProgressNotice Notice, string? Label, int Done, int Total);
