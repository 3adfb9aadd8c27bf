using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Cli.Commands.Bench;

/// <summary>
/// The read+fold benchmark's state: per stream, the last version and the sum of the events'
/// <c>step</c>. Folding is what an engine does per event, so it parses the JSON, but with a
/// forward-only reader over one reused buffer (no DOM, no allocation per event): the bench measures
/// the store, not JsonDocument.
/// </summary>
internal sealed class BenchFold
{
    private readonly Dictionary<string, (long Version, long Steps)> _streams = new(StringComparer.Ordinal);
    private byte[] _utf8 = new byte[1024];

    public int StreamCount => _streams.Count;

    /// <summary>The folded state per stream: last version and sum of steps.</summary>
    public IReadOnlyDictionary<string, (long Version, long Steps)> Streams => _streams;

    public void Apply(StoredEvent e)
    {
        var step = ReadStep(e.Data);
        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_streams, e.StreamId, out _);
        state = (e.StreamVersion, state.Steps + step);
    }

    /// <summary>The event's <c>step</c>, read without building a DOM.</summary>
    public long ReadStep(string json)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(json.Length);
        if (_utf8.Length < needed)
        {
            _utf8 = new byte[needed];
        }

        var reader = new Utf8JsonReader(_utf8.AsSpan(0, Encoding.UTF8.GetBytes(json, _utf8)));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStep = reader.ValueTextEquals("step"u8);
            reader.Read();
            if (isStep)
            {
                return reader.GetInt64();
            }

            reader.Skip();
        }

        throw new JsonException("A bench event has no step.");
    }
}
