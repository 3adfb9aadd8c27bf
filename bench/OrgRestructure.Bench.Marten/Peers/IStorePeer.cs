namespace OrgRestructure.Bench.Marten.Peers;

/// <summary>
/// One contender of the store benchmark: our store, Marten, or plain SQL. Every peer runs the same
/// cells on the same PostgreSQL with the same events (a step number plus ~250 bytes of JSON), so
/// the ratios compare stores, not workloads.
/// </summary>
internal interface IStorePeer : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Creates the peer's tables (untimed).</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends one event per step to <paramref name="streamId"/>, failing unless the stream is at
    /// <paramref name="expectedVersion"/> (0: a new stream).
    /// </summary>
    Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<int> steps, CancellationToken cancellationToken);

    /// <summary>Reads the stream and folds it: last version and sum of the steps.</summary>
    Task<FoldedStream> ReadAndFoldAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Rebuilds the peer's one-row-per-stream projection from every event.</summary>
    Task RebuildAsync(CancellationToken cancellationToken);
}

/// <summary>A stream's folded state, the same for every peer given the same events.</summary>
internal sealed record FoldedStream(string StreamId, long Version, long Steps);
