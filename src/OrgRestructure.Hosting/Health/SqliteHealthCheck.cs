using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrgRestructure.Hosting.Health;

/// <summary>
/// The embedded event store: does the SQLite file open and answer. A fresh unpooled connection
/// each time, so a file that vanished or lost its permissions is seen at once. (PostgreSQL is
/// checked by AspNetCore.HealthChecks.NpgSql; no such package is kept for SQLite.)
/// </summary>
public sealed class SqliteHealthCheck(string path) : IHealthCheck
{
    private const int TimeoutSeconds = 3;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
