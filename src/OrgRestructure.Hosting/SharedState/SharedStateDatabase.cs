using System.Data.Common;
using System.Globalization;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// The event store's database seen as the home of the nodes' shared state: accounts, bearer tokens,
/// data-protection keys and idempotency records. Writes go through the store's write scope, so on
/// SQLite they queue behind appends instead of failing as busy.
/// </summary>
public sealed class SharedStateDatabase(IRelationalEventStore store) : IDisposable
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public bool IsPostgres => store.Backend == EventStoreBackend.Postgres;

    public void Dispose() => _schemaGate.Dispose();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await store.OpenConnectionAsync(cancellationToken);
    }

    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await store.BeginWriteAsync(cancellationToken);
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var scope = await store.BeginWriteAsync(cancellationToken);

            // Nodes starting together would race on CREATE TABLE IF NOT EXISTS in PostgreSQL's catalog.
            if (IsPostgres)
            {
                await using var lockCommand = scope.CreateCommand("SELECT pg_advisory_xact_lock(7305202)");
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var statement in SharedStateSchema.Statements)
            {
                await using var command = scope.CreateCommand(statement);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await scope.CommitAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    internal static long Long(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    internal static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
