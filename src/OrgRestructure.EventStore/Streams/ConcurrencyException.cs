namespace OrgRestructure.EventStore.Streams;

/// <summary>The stream was not at the expected version: someone else acted first. Retry after reading again.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException(string streamId, long expectedVersion, long actualVersion)
        : base($"Stream '{streamId}' is at version {actualVersion}, expected {expectedVersion}.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public ConcurrencyException()
        : this(string.Empty, 0, 0)
    {
    }

    public ConcurrencyException(string message)
        : base(message)
    {
        StreamId = string.Empty;
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
        StreamId = string.Empty;
    }

    public string StreamId { get; }

    public long ExpectedVersion { get; }

    public long ActualVersion { get; }
}
