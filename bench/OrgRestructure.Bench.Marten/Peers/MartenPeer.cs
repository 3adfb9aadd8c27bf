using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace OrgRestructure.Bench.Marten.Peers;

/// <summary>
/// Marten on the same server, in its own schema, configured as its documentation recommends for
/// string-keyed streams: rich appends with an expected version, System.Text.Json, the stream folded
/// live by <c>AggregateStreamAsync</c>, the snapshot rebuilt by its projection daemon.
/// </summary>
internal sealed class MartenPeer(string connectionString) : IStorePeer
{
    private readonly DocumentStore _store = DocumentStore.For(options =>
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = "marten";
        options.AutoCreateSchemaObjects = AutoCreate.All;
        options.UseSystemTextJsonForSerialization();
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AddEventType<StepRecorded>();
        options.Projections.Snapshot<BenchStream>(SnapshotLifecycle.Async);
    });

    public string Name => "marten";

    public async Task PrepareAsync(CancellationToken cancellationToken) =>
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<int> steps, CancellationToken cancellationToken)
    {
        await using var session = _store.LightweightSession();
        var events = steps.Select(s => (object)StepRecorded.For(s)).ToArray();
        if (expectedVersion == 0)
        {
            session.Events.StartStream<BenchStream>(streamId, events);
        }
        else
        {
            // Marten's expected version is the stream's version once these events are in.
            session.Events.Append(streamId, expectedVersion + events.Length, events);
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task<FoldedStream> ReadAndFoldAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var session = _store.QuerySession();
        var state = await session.Events.AggregateStreamAsync<BenchStream>(streamId, token: cancellationToken);
        return new FoldedStream(streamId, state?.Version ?? 0, state?.Steps ?? 0);
    }

    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        using var daemon = await _store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<BenchStream>(TimeSpan.FromMinutes(10), cancellationToken);
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
