using Npgsql;
using OrgRestructure.Cli.Commands.Bench;
using OrgRestructure.EventStore.Postgres;

namespace OrgRestructure.Bench.Marten.Peers;

/// <summary>
/// The ceiling: plain SQL on an events table with only a key and the (stream, version) index any
/// store needs. An append is BEGIN + INSERT + COMMIT (the unique index rejects a wrong version), a
/// read one ordered SELECT, a rebuild one scan folded in the client and one upsert of every row.
/// </summary>
internal sealed class RawSqlPeer(string connectionString) : IStorePeer
{
    private readonly NpgsqlDataSource _dataSource = PostgresEventStore.CreateDataSource(connectionString);
    private readonly string _hash = new('a', 64);

    public string Name => "raw";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS peer_raw_events (
                id bigserial PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL, type text NOT NULL,
                data text NOT NULL, timestamp timestamptz NOT NULL, actor text NOT NULL, actor_role text NOT NULL,
                correlation_id uuid NOT NULL, event_id uuid NOT NULL, previous_hash text NOT NULL, hash text NOT NULL,
                UNIQUE (stream_id, version));
            CREATE TABLE IF NOT EXISTS peer_raw_summary (stream_id text PRIMARY KEY, version bigint NOT NULL, steps bigint NOT NULL);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<int> steps, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO peer_raw_events (stream_id, version, type, data, timestamp, actor, actor_role, correlation_id, event_id, previous_hash, hash)
            SELECT $1, $2 + r.ord, 'StepRecorded', r.data, now(), 'bench', 'organization-board', $3, gen_random_uuid(), $4, $4
            FROM unnest($5::text[]) WITH ORDINALITY AS r(data, ord)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _hash });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = steps.Select(StepRecorded.Json).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<FoldedStream> ReadAndFoldAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT version, data FROM peer_raw_events WHERE stream_id = $1 ORDER BY version");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        var fold = new BenchFold();
        long version = 0, steps = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            version = reader.GetInt64(0);
            steps += fold.ReadStep(reader.GetString(1));
        }

        return new FoldedStream(streamId, version, steps);
    }

    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var fold = new Dictionary<string, (long Version, long Steps)>(StringComparer.Ordinal);
        var parser = new BenchFold();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using (var scan = new NpgsqlCommand("SELECT stream_id, version, data FROM peer_raw_events ORDER BY id", connection))
        await using (var reader = await scan.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var stream = reader.GetString(0);
                var steps = fold.GetValueOrDefault(stream).Steps + parser.ReadStep(reader.GetString(2));
                fold[stream] = (reader.GetInt64(1), steps);
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO peer_raw_summary (stream_id, version, steps) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])");
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = fold.Keys.ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = fold.Values.Select(v => v.Version).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = fold.Values.Select(v => v.Steps).ToArray() });
        await using var write = new NpgsqlBatch(connection, transaction) { BatchCommands = { new NpgsqlBatchCommand("DELETE FROM peer_raw_summary"), insert } };
        await write.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
