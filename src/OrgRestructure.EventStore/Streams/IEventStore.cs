namespace OrgRestructure.EventStore.Streams;

/// <summary>
/// Append-only, hash-chained event streams (one per case). Two back ends (PostgreSQL, SQLite)
/// and an in-memory one for unit tests must behave identically: the contract tests prove it.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends events atomically at <see cref="AppendRequest.ExpectedVersion"/>. Throws
    /// <see cref="ConcurrencyException"/> when the stream moved on. When a request with the same
    /// <see cref="AppendRequest.CommandId"/> was already applied to the stream, returns the first
    /// result with <see cref="AppendResult.WasDuplicate"/> set and appends nothing.
    /// </summary>
    Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default);

    /// <summary>Events of one stream in version order, filtered by <paramref name="range"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, StreamRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Events of all streams after <paramref name="afterPosition"/> in global order, never past
    /// the commit-safe high-water mark: a position below it can no longer appear later.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every event after <paramref name="afterPosition"/> in global order up to the commit-safe
    /// high-water mark as it was when the enumeration started, read as one query with no pages: for
    /// replays and rebuilds that fold events as they arrive. The query holds a connection until the
    /// enumeration ends, so consume it promptly.
    /// </summary>
    IAsyncEnumerable<StoredEvent> ScanAllAsync(long afterPosition, CancellationToken cancellationToken = default);

    /// <summary>Current version of a stream; 0 when it does not exist.</summary>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Every stream id, in order of creation.</summary>
    Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default);
}
