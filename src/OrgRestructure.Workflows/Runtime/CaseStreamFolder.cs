using System.Text.Json;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// Folds a stored case stream into <see cref="CaseState"/> — the hook `orgrestructure replay`
/// uses to print a case. Case streams are the ones whose first event is "case-started".
/// </summary>
public static class CaseStreamFolder
{
    public const string StreamPrefix = "case-";

    public static bool IsCaseStream(IReadOnlyList<StoredEvent> events) =>
        events.Count > 0 && events[0].Type == EventTypeRegistry.NameOf(typeof(CaseStarted));

    public static CaseState Fold(IEnumerable<StoredEvent> events)
    {
        var state = new CaseState();
        foreach (var stored in events)
        {
            var e = EventTypeRegistry.Deserialize(stored.Type, stored.Data)
                ?? throw new InvalidOperationException($"{stored.StreamId} v{stored.StreamVersion}: unknown event type '{stored.Type}'.");
            state = state.Apply(e);
            state.Version = stored.StreamVersion;
        }

        return state;
    }

    /// <summary>Indented JSON of the state (what replay prints and what the diagram's --case-state reads).</summary>
    public static string ToJson(CaseState state) => JsonSerializer.Serialize(state, Indented);

    private static readonly JsonSerializerOptions Indented = new(EventTypeRegistry.Json) { WriteIndented = true };
}
