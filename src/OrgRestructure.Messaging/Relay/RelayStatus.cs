namespace OrgRestructure.Messaging.Relay;

/// <summary>What this node's relay is doing: read by the health check and by tests waiting for it to catch up.</summary>
public sealed class RelayStatus
{
    private long _position;
    private long _published;

    public bool IsLeader { get; internal set; }

    /// <summary>Global position of the last stored event published (or skipped as internal) by this node.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Messages this node published since it started.</summary>
    public long Published => Interlocked.Read(ref _published);

    public string? LastError { get; internal set; }

    public DateTimeOffset? LastErrorAt { get; internal set; }

    internal void Advance(long position) => Interlocked.Exchange(ref _position, position);

    internal void CountPublished() => Interlocked.Increment(ref _published);
}
