using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OrgRestructure.Cli.Commands.Bench;

/// <summary>
/// A throwaway PostgreSQL database for the benchmark: on the configured server when a connection
/// string is given, else on a server the bench starts itself with deploy/postgres.sh (and stops).
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _database;
    private readonly string? _dataDirectory;
    private readonly string? _script;

    private BenchPostgres(string admin, string database, string? dataDirectory, string? script)
    {
        _admin = admin;
        _database = database;
        _dataDirectory = dataDirectory;
        _script = script;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 64 }.ConnectionString;
    }

    public string ConnectionString { get; }

    public string Where => _script is null ? "configured server" : "server started by deploy/postgres.sh";

    public static async Task<BenchPostgres> StartAsync(string? configured, TextWriter log, CancellationToken cancellationToken)
    {
        string? dataDirectory = null;
        string? script = null;
        var admin = configured;
        if (admin is null)
        {
            script = FindScript() ?? throw new InvalidOperationException(
                "deploy/postgres.sh not found (run from the repository) and ConnectionStrings__EventStore is not set.");
            dataDirectory = Path.Combine(Path.GetTempPath(), $"orgrestructure-bench-pg-{Guid.NewGuid():N}");
            var port = FreePort();
            await log.WriteLineAsync($"Starting PostgreSQL on 127.0.0.1:{port} with {script} ...");
            await RunScriptAsync(script, cancellationToken, "start", dataDirectory, port.ToString(CultureInfo.InvariantCulture),
                "--watch-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--max-connections", "200");
            admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        }

        var database = $"orgrestructure_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new BenchPostgres(admin, database, dataDirectory, script);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_script is not null && _dataDirectory is not null)
        {
            await RunScriptAsync(_script, CancellationToken.None, "stop", _dataDirectory);
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean from /tmp.
            }

            return;
        }

        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string? FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "deploy", "postgres.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunScriptAsync(string script, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
