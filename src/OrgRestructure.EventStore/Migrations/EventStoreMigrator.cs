using System.Data.Common;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.EventStore.Migrations;

/// <summary>
/// Brings a store's database to the schema this build expects: applies missing numbered
/// migrations in one transaction (recorded in <c>schema_migrations</c>), then lets registered
/// projections create their own tables. Safe to run from several nodes at once.
/// </summary>
public sealed class EventStoreMigrator(
    IRelationalEventStore store,
    IEnumerable<IInlineProjection>? inlineProjections = null,
    IEnumerable<IAsyncProjection>? asyncProjections = null)
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)";

    /// <summary>Every migration this build knows for the store's back end.</summary>
    public IReadOnlyList<Migration> Known => For(store.Backend);

    public static IReadOnlyList<Migration> For(EventStoreBackend backend) =>
        backend == EventStoreBackend.Postgres ? PostgresMigrations.All : SqliteMigrations.All;

    public async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var applied = new List<AppliedMigration>();
        await using (var scope = await store.BeginWriteAsync(cancellationToken))
        {
            if (store.Backend == EventStoreBackend.Postgres)
            {
                // Serializes concurrent start-ups; released at commit.
                await using var lockCommand = scope.CreateCommand("SELECT pg_advisory_xact_lock(7305000)");
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var create = scope.CreateCommand(CreateTable))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var done = await ReadAppliedAsync(scope.Connection, scope.Transaction, cancellationToken);
            foreach (var migration in Known.Where(m => !done.Contains(m.Version)).OrderBy(m => m.Version))
            {
                await using (var apply = scope.CreateCommand(migration.Sql))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = scope.CreateCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)"))
                {
                    record.With("v", migration.Version).With("n", migration.Name).With("t", DateTimeOffset.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                applied.Add(new AppliedMigration(migration.Version, migration.Name));
            }

            foreach (var projection in (inlineProjections ?? []).Cast<IProjectionSchema>().Concat(asyncProjections ?? []))
            {
                await projection.InitializeAsync(scope, cancellationToken);
            }

            await scope.CommitAsync(cancellationToken);
        }

        return applied;
    }

    /// <summary>Versions recorded in <c>schema_migrations</c>; empty for a fresh database.</summary>
    public async Task<IReadOnlyList<int>> GetAppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using (var create = connection.CreateCommand(CreateTable))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await ReadAppliedAsync(connection, null, cancellationToken)).Order().ToList();
    }

    private static async Task<HashSet<int>> ReadAppliedAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = connection.CreateCommand("SELECT version FROM schema_migrations", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return versions;
    }
}
