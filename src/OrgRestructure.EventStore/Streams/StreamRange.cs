namespace OrgRestructure.EventStore.Streams;

/// <summary>
/// Which part of a stream to read: versions from <see cref="FromVersion"/> (inclusive) up to
/// <see cref="ToVersion"/> (inclusive), and no event after <see cref="AtOrBefore"/>.
/// </summary>
public sealed record StreamRange(long FromVersion = 1, long? ToVersion = null, DateTimeOffset? AtOrBefore = null)
{
    public static readonly StreamRange All = new();

    public bool Includes(StoredEvent e) =>
        e.StreamVersion >= FromVersion
        && (ToVersion is null || e.StreamVersion <= ToVersion)
        && (AtOrBefore is null || e.Timestamp <= AtOrBefore);
}
