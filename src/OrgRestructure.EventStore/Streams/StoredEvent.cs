namespace OrgRestructure.EventStore.Streams;

/// <summary>
/// An event as stored. <see cref="Hash"/> is SHA-256 (lower-case hex) over
/// <see cref="PreviousHash"/> and the canonical encoding of this event; see EventHasher.
/// </summary>
public sealed record StoredEvent(
    Guid EventId,
    string StreamId,
    long StreamVersion,
    long GlobalPosition,
    string Type,
    string Data,
    DateTimeOffset Timestamp,
    string Actor,
    string ActorRole,
    Guid CorrelationId,
    Guid? CausationId,
    string? CommandId,
    string PreviousHash,
    string Hash);
