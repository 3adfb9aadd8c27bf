using OrgRestructure.Cli.Commands.Bench;
using OrgRestructure.EventStore.Migrations;
using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Bench.Marten.Peers;

/// <summary>Our PostgreSQL store, used as the product uses it: expected-version appends, stream reads, the daemon's rebuild.</summary>
internal sealed class OurStorePeer(string connectionString) : IStorePeer
{
    private static readonly EventMetadata Metadata = new("bench", "organization-board", Guid.NewGuid());
    private readonly PostgresEventStore _store = new(connectionString);
    private readonly BenchSummaryProjection _projection = new();

    public string Name => "ours";

    public async Task PrepareAsync(CancellationToken cancellationToken) =>
        await new EventStoreMigrator(_store, null, [_projection]).MigrateAsync(cancellationToken);

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<int> steps, CancellationToken cancellationToken) =>
        await _store.AppendAsync(
            new AppendRequest(streamId, expectedVersion, steps.Select(s => new NewEvent("StepRecorded", StepRecorded.Json(s))).ToArray(), Metadata),
            cancellationToken);

    public async Task<FoldedStream> ReadAndFoldAsync(string streamId, CancellationToken cancellationToken)
    {
        var events = await _store.ReadStreamAsync(streamId, null, cancellationToken);
        var fold = new BenchFold();
        long steps = 0;
        foreach (var e in events)
        {
            steps += fold.ReadStep(e.Data);
        }

        return new FoldedStream(streamId, events.Count == 0 ? 0 : events[^1].StreamVersion, steps);
    }

    public async Task RebuildAsync(CancellationToken cancellationToken) =>
        await new ProjectionDaemon(_store, [_projection], new ProjectionDaemonOptions { BatchSize = 5000 }).RebuildAsync(_projection.Name, cancellationToken);

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
