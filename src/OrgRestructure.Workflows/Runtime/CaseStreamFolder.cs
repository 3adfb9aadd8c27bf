using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Replay;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// Folds a stored case stream into <see cref="CaseState"/>. As an <see cref="IStreamFolder"/> it is
/// what `orgrestructure replay` (and the server's registry) uses to print a case: found by
/// reflection (public, parameterless) or registered with AddStreamFolder&lt;CaseStreamFolder&gt;().
/// Case streams are the ones whose first event is "case-started".
/// </summary>
public sealed class CaseStreamFolder : IStreamFolder
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

    bool IStreamFolder.CanFold(string streamId, IReadOnlyList<StoredEvent> events) => IsCaseStream(events);

    JsonNode? IStreamFolder.Fold(string streamId, IReadOnlyList<StoredEvent> events) =>
        JsonSerializer.SerializeToNode(Fold(events), EventTypeRegistry.Json);
}
