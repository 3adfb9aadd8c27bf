using Npgsql;
using OrgRestructure.Testing;

namespace OrgRestructure.EventStore.Tests.Support;

/// <summary>Fresh databases per test: a PostgreSQL database on the shared test server, or a temp SQLite file.</summary>
internal static class TestDatabases
{
    private static readonly string SqliteDirectory = Path.Combine(Path.GetTempPath(), "orgrestructure-eventstore-tests");

    public static async Task<string> CreatePostgresAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync("es");
        // Keeps parallel test classes well under the server's connection limit.
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 25 }.ConnectionString;
    }

    public static string NewSqlitePath()
    {
        Directory.CreateDirectory(SqliteDirectory);
        return Path.Combine(SqliteDirectory, $"{Guid.NewGuid():N}.db");
    }
}
