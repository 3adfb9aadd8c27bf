using System.Globalization;
using Npgsql;

namespace OrgRestructure.Testing;

/// <summary>
/// One real PostgreSQL 15 (Debian's package, via deploy/postgres.sh) per test process: 127.0.0.1,
/// a free port, data in a temp dir, stopped when the process exits — or, if the process is
/// killed, by the script's watchdog. Give each test class its own database with
/// <see cref="CreateDatabaseAsync"/> so classes can run in parallel.
/// </summary>
public sealed class PostgresServer
{
    private const string Script = "postgres.sh";
    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartNewAsync);
    private readonly string _directory;

    private PostgresServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
        AdminConnectionString = ConnectionString("postgres");
    }

    public static Task<PostgresServer> GetAsync() => Instance.Value;

    /// <summary>
    /// A separate PostgreSQL for a test that stops and starts it (outage tests), so the shared
    /// one stays up for every other test. Stop it when done; it is also stopped at exit.
    /// </summary>
    public static Task<PostgresServer> StartDedicatedAsync() => StartNewAsync();

    public int Port { get; }

    /// <summary>The cluster's data directory (PGDATA).</summary>
    public string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>Superuser "postgres" on the maintenance database; trust authentication.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = UniqueName.From(prefix, maxLength: 63);
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();

        return ConnectionString(name);
    }

    /// <summary>Stops the server (for outage tests); the data stays.</summary>
    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await DeployScript.RunAsync(Script, "stop", DataDirectory);
    }

    /// <summary>Starts the server again on the same port with the same data.</summary>
    public Task StartAsync() => StartServerAsync();

    private static async Task<PostgresServer> StartNewAsync()
    {
        var server = new PostgresServer(ServerDirectory.Create("postgres"), FreeTcpPort.Next());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            DeployScript.RunAtExit(Script, "stop", server.DataDirectory);
            ServerDirectory.Delete(server._directory);
        };
        await server.StartServerAsync();
        return server;
    }

    private Task<string> StartServerAsync() => DeployScript.RunAsync(
        Script, "start", DataDirectory, Port.ToString(CultureInfo.InvariantCulture),
        "--fast", "--max-connections", "300", "--watch-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;
}
