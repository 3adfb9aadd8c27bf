using System.Collections.Concurrent;
using System.Text.Json;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// District and title of each case, taken from the first event of its stream, so that every
/// integration event carries them even when the engine's step events do not repeat them.
/// </summary>
internal sealed class CaseFactsCache(IEventStore store)
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
        facts.RememberTask(taskId, created.StepId, created.Text("assigneeRole", "assignee"), created.Text("scope"), created.Text("title", "taskTitle", "name"));

    private static CaseFacts FactsOf(StoredEvent first, JsonElement data)
    {
        var view = new StoredEventView(first, data, new CaseFacts(first.StreamId, string.Empty, null));
        return new CaseFacts(view.CaseId, view.District, view.Text("title", "name"));
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
