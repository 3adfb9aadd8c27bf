using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Hashing;

/// <summary>
/// The hash chain: each event's hash is SHA-256 over the previous event's hash and a canonical
/// encoding of the event (its data with object keys sorted, and all metadata). The encoding
/// must not depend on the back end, so that a stream copied between stores still verifies.
/// The global position is left out on purpose: it belongs to the store, not to the stream.
/// </summary>
public static class EventHasher
{
    /// <summary>The previous hash of a stream's first event.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Stores keep timestamps at millisecond precision so every back end round-trips them exactly.</summary>
    public static DateTimeOffset NormalizeTimestamp(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    public static string Compute(StoredEvent e) => Compute(
        e.PreviousHash, e.EventId, e.StreamId, e.StreamVersion, e.Type, e.Data, e.Timestamp,
        e.Actor, e.ActorRole, e.CorrelationId, e.CausationId, e.CommandId);

    public static string Compute(
        string previousHash,
        Guid eventId,
        string streamId,
        long streamVersion,
        string type,
        string data,
        DateTimeOffset timestamp,
        string actor,
        string actorRole,
        Guid correlationId,
        Guid? causationId,
        string? commandId)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Encoding.ASCII.GetBytes(previousHash + "\n"));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("actor", actor);
            writer.WriteString("actorRole", actorRole);
            if (causationId is { } causation)
            {
                writer.WriteString("causationId", causation.ToString("D"));
            }
            else
            {
                writer.WriteNull("causationId");
            }

            writer.WriteString("commandId", commandId);
            writer.WriteString("correlationId", correlationId.ToString("D"));
            writer.WritePropertyName("data");
            WriteCanonical(writer, data);
            writer.WriteString("eventId", eventId.ToString("D"));
            writer.WriteString("streamId", streamId);
            writer.WriteNumber("streamVersion", streamVersion);
            writer.WriteNumber("timestamp", timestamp.ToUnixTimeMilliseconds());
            writer.WriteString("type", type);
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>True when the event's stored hash matches its content and predecessor.</summary>
    public static bool Verify(StoredEvent e) => string.Equals(Compute(e), e.Hash, StringComparison.Ordinal);

    /// <summary>JSON text re-written with object keys in ordinal order and no insignificant whitespace.</summary>
    public static string Canonicalize(string json)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteCanonical(writer, json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, string json)
    {
        using var document = JsonDocument.Parse(json);
        WriteCanonical(writer, document.RootElement);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
