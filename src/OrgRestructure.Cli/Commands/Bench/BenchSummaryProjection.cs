using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Cli.Commands.Bench;

/// <summary>
/// A case-list-like projection for the rebuild benchmark: one row per stream (event count, last
/// version and type), written once per stream per batch as a real projection would.
/// </summary>
internal sealed class BenchSummaryProjection : IAsyncProjection
{
    public string Name => "bench-summary";

    public async Task InitializeAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_summary (stream_id text PRIMARY KEY, events bigint NOT NULL, last_version bigint NOT NULL, last_type text NOT NULL)");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(WriteScope scope, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand(
            "INSERT INTO bench_summary (stream_id, events, last_version, last_type) VALUES (@s, @n, @v, @t) " +
            "ON CONFLICT (stream_id) DO UPDATE SET events = bench_summary.events + excluded.events, last_version = excluded.last_version, last_type = excluded.last_type");
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var last = stream.Last();
            command.Parameters.Clear();
            await command.With("s", stream.Key).With("n", (long)stream.Count()).With("v", last.StreamVersion).With("t", last.Type).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task ResetAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand("DELETE FROM bench_summary");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
