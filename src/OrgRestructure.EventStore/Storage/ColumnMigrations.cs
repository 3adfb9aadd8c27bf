using System.Data.Common;
using System.Globalization;

namespace OrgRestructure.EventStore.Storage;

/// <summary>
/// Columns added to a table after it first shipped: a database created before them gets them on
/// start, in the caller's transaction. Written once for both back ends, which ask their catalog
/// differently (SQLite has no ADD COLUMN IF NOT EXISTS).
/// </summary>
public static class ColumnMigrations
{
    /// <summary>
    /// Adds each column its table lacks; true when it added any, so a caller whose rows need the
    /// new values can rebuild them. Table, column and type are the caller's constants, never input.
    /// </summary>
    public static async Task<bool> AddMissingColumnsAsync(
        this DbConnection connection,
        DbTransaction? transaction,
        EventStoreBackend backend,
        IEnumerable<(string Table, string Column, string Type)> columns,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var added = false;
        foreach (var (table, column, type) in columns)
        {
            await using var exists = connection.CreateCommand(
                backend == EventStoreBackend.Postgres
                    ? "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t AND column_name = @c"
                    : "SELECT count(*) FROM pragma_table_info(@t) WHERE name = @c",
                transaction);
            if (Convert.ToInt64(await exists.With("t", table).With("c", column).ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            // On PostgreSQL a node starting alongside may add it between the look and the ALTER; IF NOT EXISTS lets both go on.
            await using var alter = connection.CreateCommand(
                backend == EventStoreBackend.Postgres
                    ? $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {type}"
                    : $"ALTER TABLE {table} ADD COLUMN {column} {type}",
                transaction);
            await alter.ExecuteNonQueryAsync(cancellationToken);
            added = true;
        }

        return added;
    }
}
