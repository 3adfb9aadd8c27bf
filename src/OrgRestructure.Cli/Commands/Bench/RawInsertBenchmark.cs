using Npgsql;
using NpgsqlTypes;
using OrgRestructure.EventStore.Postgres;

namespace OrgRestructure.Cli.Commands.Bench;

/// <summary>
/// The ceiling: plain Npgsql BEGIN + INSERT of equally sized rows + COMMIT, same server, same
/// concurrency, same data source settings as the store.
/// </summary>
internal sealed class RawInsertBenchmark(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = PostgresEventStore.CreateDataSource(connectionString);
    private readonly string _hash = new('a', 64);

    public async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS bench_raw (
                id bigserial PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL, type text NOT NULL,
                data text NOT NULL, timestamp timestamptz NOT NULL, actor text NOT NULL, actor_role text NOT NULL,
                correlation_id uuid NOT NULL, event_id uuid NOT NULL, previous_hash text NOT NULL, hash text NOT NULL)
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task InsertAsync(int writer, int rows, string data, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO bench_raw (stream_id, version, type, data, timestamp, actor, actor_role, correlation_id, event_id, previous_hash, hash)
            SELECT $1, v, 'StepRecorded', $2, now(), 'bench', 'organization-board', $3, e, $4, $4
            FROM unnest($5::bigint[], $6::uuid[]) AS r(v, e)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"raw-{writer}" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = data });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _hash, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = Enumerable.Range(0, rows).Select(i => (long)i).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = Enumerable.Range(0, rows).Select(_ => Guid.NewGuid()).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
