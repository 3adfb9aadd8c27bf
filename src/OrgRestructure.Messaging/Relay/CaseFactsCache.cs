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
            facts.RememberTask(taskId, view.StepId, view.Text("assigneeRole", "assignee"), view.Text("scope"));
        }

        return view;
    }

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
