using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// A stored event the relay publishes whose payload cannot be read as the engine's event of its
/// type. Like a broker outage it stops the relay at that event: logged, kept in
/// <see cref="RelayStatus.LastError"/> for the health check, retried with back-off.
/// </summary>
public sealed class UnreadableStoredEventException : Exception
{
    public UnreadableStoredEventException(StoredEvent stored, Exception? inner)
        : base(MessageOf(stored), inner)
    {
        ArgumentNullException.ThrowIfNull(stored);
        EventId = stored.EventId;
        Position = stored.GlobalPosition;
    }

    public UnreadableStoredEventException()
    {
    }

    public UnreadableStoredEventException(string message)
        : base(message)
    {
    }

    public UnreadableStoredEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Guid EventId { get; }

    public long Position { get; }

    private static string MessageOf(StoredEvent stored) =>
        stored is null ? "A stored event cannot be read." : $"Stored event {stored.EventId} ({stored.Type}, stream {stored.StreamId}, position {stored.GlobalPosition}) cannot be read as the engine's event: the relay stops there.";
}
