using Npgsql;

namespace OrgRestructure.EventStore.Tests.Support;

/// <summary>Stand-in for OrgRestructure.Testing.PostgresServer until it lands on main.</summary>
internal sealed class DevPostgresServer
{
    private static readonly DevPostgresServer Instance = new();

    public static Task<DevPostgresServer> GetAsync() => Task.FromResult(Instance);

    public string AdminConnectionString { get; } = Environment.GetEnvironmentVariable("ORGRESTRUCTURE_DEV_PG")
        ?? "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres";

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }
}
