using System.Collections.Concurrent;
using System.Text.Json;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// District, title and definition of each case, taken from the first event of its stream, so that
/// every integration event carries them even when the engine's step events do not repeat them.
/// The definition (the version the case pinned) numbers and names the steps and says who else hears
/// of them; without <paramref name="definitions"/> the steps go unnamed.
/// </summary>
internal sealed class CaseFactsCache(IEventStore store, WorkflowDefinitionRegistry? definitions = null)
{
    private readonly ConcurrentDictionary<string, CaseFacts> _facts = new(StringComparer.Ordinal);

    public async Task<StoredEventView> ViewAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        var data = Parse(stored.Data);
        if (!_facts.TryGetValue(stored.StreamId, out var facts))
        {
            var first = stored.StreamVersion == 1
                ? stored
                : (await store.ReadStreamAsync(stored.StreamId, new StreamRange(1, 1), cancellationToken)) is [var head, ..] ? head : stored;
            facts = FactsOf(first, first == stored ? data : Parse(first.Data));
            _facts[stored.StreamId] = facts;
        }

        var view = new StoredEventView(stored, data, facts);
        if (stored.Type == StoredEventMap.Types.BranchCompleted && HasProgressNotice(facts.Definition))
        {
            view.Progress = await ProgressAsync(stored, view.Text("branchId"), facts.Definition!, cancellationToken);
        }

        if (stored.Type == StoredEventMap.Types.TaskCreated && view.Text("taskId") is { } taskId)
        {
            Remember(facts, view, taskId);
        }
        else if (view.Text("taskId") is { } aboutTask && !facts.KnowsTask(aboutTask) && stored.StreamVersion > 1)
        {
            // A task created before this process started (relay restarted, leadership moved): learn
            // the case's tasks from its earlier events so the message still names step, role and scope.
            foreach (var earlier in await store.ReadStreamAsync(stored.StreamId, new StreamRange(1, stored.StreamVersion - 1), cancellationToken))
            {
                if (earlier.Type == StoredEventMap.Types.TaskCreated)
                {
                    var earlierView = new StoredEventView(earlier, Parse(earlier.Data), facts);
                    if (earlierView.Text("taskId") is { } id)
                    {
                        Remember(facts, earlierView, id);
                    }
                }
            }
        }

        return view;
    }

    private static void Remember(CaseFacts facts, StoredEventView created, string taskId) =>
        facts.RememberTask(taskId, created.StepId, created.Text("assigneeRole", "assignee"), created.Text("scope"), created.Text("title", "taskTitle", "name"), created.Nested("title", "en"));

    private static bool HasProgressNotice(WorkflowDefinition? definition) =>
        definition is not null && definition.AllSteps.Values.Any(s => s.Notice?.Progress is not null);

    /// <summary>Counts the branches of the completed branch's ForEach from the stream up to this event.</summary>
    private async Task<BranchProgress?> ProgressAsync(StoredEvent completed, string? branchId, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var started = new Dictionary<string, (string? ForEach, string? Label)>(StringComparer.Ordinal);
        var ended = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var e in await store.ReadStreamAsync(completed.StreamId, new StreamRange(1, completed.StreamVersion), cancellationToken))
        {
            if (e.Type is not ("branch-started" or StoredEventMap.Types.BranchCompleted or "branch-cancelled"))
            {
                continue;
            }

            var view = new StoredEventView(e, Parse(e.Data), new CaseFacts(completed.StreamId, string.Empty, null));
            if (view.Text("branchId") is not { } id)
            {
                continue;
            }

            if (e.Type == "branch-started")
            {
                started[id] = (view.Text("forEachStepId"), view.Text("label"));
            }
            else
            {
                ended[id] = e.Type == StoredEventMap.Types.BranchCompleted;
            }
        }

        if (branchId is null || !started.TryGetValue(branchId, out var branch) || branch.ForEach is not { } forEachId
            || !definition.AllSteps.TryGetValue(forEachId, out var forEach) || forEach.Notice?.Progress is not { } notice)
        {
            return null;
        }

        var siblings = started.Where(b => b.Value.ForEach == forEachId).Select(b => b.Key).ToList();
        var cancelled = siblings.Count(b => ended.TryGetValue(b, out var completedWell) && !completedWell);
        var formed = siblings.Count(b => ended.TryGetValue(b, out var completedWell) && completedWell);
        return new BranchProgress(forEach, notice, branch.Label, formed, siblings.Count - cancelled);
    }

    private CaseFacts FactsOf(StoredEvent first, JsonElement data)
    {
        var view = new StoredEventView(first, data, new CaseFacts(first.StreamId, string.Empty, null));
        var definition = definitions is not null && view.Text("definitionId") is { } id && view.Number("definitionVersion") is { } version
            ? definitions.Find(id, version)
            : null;
        return new CaseFacts(view.CaseId, view.District, view.Text("title", "name")) { TitleEn = view.Nested("title", "en"), Definition = definition };
    }

    private static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
