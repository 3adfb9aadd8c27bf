using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OrgRestructure.Hosting.Configuration;

namespace OrgRestructure.Hosting.Health;

/// <summary>
/// Is the configured event store reachable: PostgreSQL answers a query, or the embedded SQLite
/// file opens. A fresh unpooled connection each time, so a restarted or vanished server is seen
/// at once rather than through a stale pooled connection.
/// </summary>
public sealed class EventStoreHealthCheck(OrgRestructureSettings settings) : IHealthCheck
{
    private const int TimeoutSeconds = 3;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        settings.UsesPostgres
            ? await CheckPostgresAsync(settings.EventStoreConnectionString!, cancellationToken)
            : await CheckSqliteAsync(settings.SqlitePath, cancellationToken);

    private static async Task<HealthCheckResult> CheckPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object> { ["backend"] = "PostgreSQL" };
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = TimeoutSeconds, CommandTimeout = TimeoutSeconds };
        }
        catch (ArgumentException ex)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL connection string is invalid: {ex.Message}", data: data);
        }

        var where = $"{builder.Host}:{builder.Port}/{builder.Database}";
        data["server"] = where;
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PostgreSQL at {where} is reachable", data);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL at {where} is unreachable: {ex.Message}", ex, data);
        }
    }

    private static async Task<HealthCheckResult> CheckSqliteAsync(string path, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object> { ["backend"] = "SQLite", ["file"] = path };
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = TimeoutSeconds }.ConnectionString;
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"SQLite file {path} is readable", data);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"SQLite file {path} cannot be opened: {ex.Message}", ex, data);
        }
    }
}
