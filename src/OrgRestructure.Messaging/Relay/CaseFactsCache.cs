using System.Collections.Concurrent;
using System.Text.Json;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// District, title and definition of each case, taken from the case-started event of its stream, so that
/// every integration event carries them even when the engine's step events do not repeat them.
/// The definition (the version the case pinned) numbers and names the steps and says who else hears
/// of them; without <paramref name="definitions"/> the steps go unnamed.
/// </summary>
internal sealed class CaseFactsCache(IEventStore store, WorkflowDefinitionRegistry? definitions = null)
{
    private readonly ConcurrentDictionary<string, CaseFacts> _facts = new(StringComparer.Ordinal);

    /// <summary>The stored event read as the engine's record, with its case's facts.</summary>
    /// <exception cref="UnreadableStoredEventException">Its payload cannot be read as the engine's event of its type.</exception>
    public async Task<StoredEventView> ViewAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        var e = Read(stored) ?? throw new UnreadableStoredEventException(stored, null);
        if (!_facts.TryGetValue(stored.StreamId, out var facts))
        {
            var first = stored.StreamVersion == 1
                ? e
                : (await store.ReadStreamAsync(stored.StreamId, new StreamRange(1, 1), cancellationToken)) is [var head, ..] ? Read(head) : null;
            facts = first is CaseStarted started
                ? CaseFacts.Of(started, definitions?.Find(started.DefinitionId, started.DefinitionVersion))
                : new CaseFacts(stored.StreamId, string.Empty, null);
            _facts[stored.StreamId] = facts;
        }

        var view = new StoredEventView(stored, e, facts);
        if (e is BranchCompleted completed && HasProgressNotice(facts.Definition))
        {
            view.Progress = await ProgressAsync(stored, completed.BranchId, facts.Definition!, cancellationToken);
        }

        if (e is TaskCreated created)
        {
            facts.RememberTask(created);
        }
        else if (view.TaskId is { } aboutTask && !facts.KnowsTask(aboutTask) && stored.StreamVersion > 1)
        {
            // A task created before this process started (relay restarted, leadership moved): learn
            // the case's tasks from its earlier events so the message still names step, role and scope.
            foreach (var earlier in await store.ReadStreamAsync(stored.StreamId, new StreamRange(1, stored.StreamVersion - 1), cancellationToken))
            {
                if (Is<TaskCreated>(earlier) && Read(earlier) is TaskCreated earlierTask)
                {
                    facts.RememberTask(earlierTask);
                }
            }
        }

        return view;
    }

    private static bool HasProgressNotice(WorkflowDefinition? definition) =>
        definition is not null && definition.AllSteps.Values.Any(s => s.Notice?.Progress is not null);

    /// <summary>Counts the branches of the completed branch's ForEach from the stream up to this event.</summary>
    private async Task<BranchProgress?> ProgressAsync(StoredEvent completed, string branchId, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var started = new Dictionary<string, BranchStarted>(StringComparer.Ordinal);
        var ended = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var stored in await store.ReadStreamAsync(completed.StreamId, new StreamRange(1, completed.StreamVersion), cancellationToken))
        {
            if (!Is<BranchStarted>(stored) && !Is<BranchCompleted>(stored) && !Is<BranchCancelled>(stored))
            {
                continue;
            }

            switch (Read(stored))
            {
                case BranchStarted s:
                    started[s.BranchId] = s;
                    break;
                case BranchCompleted c:
                    ended[c.BranchId] = true;
                    break;
                case BranchCancelled c:
                    ended[c.BranchId] = false;
                    break;
            }
        }

        if (!started.TryGetValue(branchId, out var branch) || !definition.AllSteps.TryGetValue(branch.ForEachStepId, out var forEach) || forEach.Notice?.Progress is not { } notice)
        {
            return null;
        }

        var siblings = started.Values.Where(b => b.ForEachStepId == branch.ForEachStepId).Select(b => b.BranchId).ToList();
        var cancelled = siblings.Count(b => ended.TryGetValue(b, out var completedWell) && !completedWell);
        var formed = siblings.Count(b => ended.TryGetValue(b, out var completedWell) && completedWell);
        return new BranchProgress(forEach, notice, branch.Label, formed, siblings.Count - cancelled);
    }

    private static bool Is<T>(StoredEvent stored) where T : ICaseEvent =>
        string.Equals(stored.Type, EventTypeRegistry.NameOf(typeof(T)), StringComparison.Ordinal);

    /// <summary>
    /// The engine's record for a stored event, read with the engine's own serializer options; null
    /// when its type is not the engine's (another stream's events).
    /// </summary>
    private static ICaseEvent? Read(StoredEvent stored)
    {
        try
        {
            return EventTypeRegistry.Deserialize(stored.Type, stored.Data);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new UnreadableStoredEventException(stored, ex);
        }
    }
}
