using System.Data.Common;
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
        const string Upsert =
            "INSERT INTO bench_summary (stream_id, events, last_version, last_type) VALUES (@s, @n, @v, @t) " +
            "ON CONFLICT (stream_id) DO UPDATE SET events = bench_summary.events + excluded.events, last_version = excluded.last_version, last_type = excluded.last_type";
        var rows = events.GroupBy(e => e.StreamId).Select(stream => (Stream: stream.Key, Count: (long)stream.Count(), Last: stream.Last()));
        if (!scope.Connection.CanCreateBatch)
        {
            await using var command = scope.CreateCommand(Upsert);
            foreach (var (stream, count, last) in rows)
            {
                command.Parameters.Clear();
                await command.With("s", stream).With("n", count).With("v", last.StreamVersion).With("t", last.Type).ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        // One round trip for the whole batch, as a real projection on a networked database would do.
        await using var batch = scope.Connection.CreateBatch();
        batch.Transaction = scope.Transaction;
        foreach (var (stream, count, last) in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = Upsert;
            command.Parameters.Add(Parameter(command, "s", stream));
            command.Parameters.Add(Parameter(command, "n", count));
            command.Parameters.Add(Parameter(command, "v", last.StreamVersion));
            command.Parameters.Add(Parameter(command, "t", last.Type));
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand("DELETE FROM bench_summary");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbParameter Parameter(DbBatchCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}
