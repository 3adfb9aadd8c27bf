namespace OrgRestructure.EventStore.Streams;

/// <summary>Events to append to one stream in one transaction.</summary>
public sealed record AppendRequest(
    string StreamId,
    long ExpectedVersion,
    IReadOnlyList<NewEvent> Events,
    EventMetadata Metadata,
    string? CommandId = null)
{
    /// <summary>Skip the optimistic concurrency check.</summary>
    public const long Any = -1;

    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;
}

/// <summary>An event before it is stored. <paramref name="Data"/> is JSON text.</summary>
public sealed record NewEvent(string Type, string Data, Guid? EventId = null);

/// <summary>Who did it and why: recorded with every event of an append.</summary>
public sealed record EventMetadata(
    string Actor,
    string ActorRole,
    Guid CorrelationId,
    Guid? CausationId = null);

/// <summary>Outcome of an append.</summary>
public sealed record AppendResult(
    string StreamId,
    long FromVersion,
    long ToVersion,
    bool WasDuplicate,
    IReadOnlyList<StoredEvent> Events);
