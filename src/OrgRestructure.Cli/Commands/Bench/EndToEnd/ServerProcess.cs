using System.Diagnostics;
using System.Globalization;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// The real server as users get it: its own process (the built OrgRestructure.Server.dll), Kestrel on
/// a loopback port, the store the bench seeded; its log goes to a file in the data directory.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly StreamWriter? _log;

    private ServerProcess(Process? process, StreamWriter? log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>CPU seconds the server has used (user + system), from /proc; null elsewhere.</summary>
    public double? CpuSeconds
    {
        get
        {
            var stat = $"/proc/{_process?.Id}/stat";
            if (_process is null || !File.Exists(stat))
            {
                return null;
            }

            // Fields after the command name, which is in parentheses and may contain spaces.
            var text = File.ReadAllText(stat);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
    }

    /// <summary>The server's resident memory in MB, from /proc; null elsewhere.</summary>
    public double? ResidentMegabytes
    {
        get
        {
            var status = $"/proc/{_process?.Id}/status";
            var line = _process is not null && File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    /// <summary>The built server next to this repository's sources (Release, else Debug); null when not built.</summary>
    public static string? FindServerDll()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var configuration in new[] { "Release", "Debug" })
                {
                    var candidate = Path.Combine(dir.FullName, "src", "OrgRestructure.Server", "bin", configuration, "net10.0", "OrgRestructure.Server.dll");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    public static async Task<ServerProcess> StartAsync(string serverDll, string dataDirectory, string? postgres, CancellationToken cancellationToken)
    {
        var port = BenchPostgres.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        start.ArgumentList.Add(serverDll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ORGRESTRUCTURE_DATA_DIR"] = dataDirectory;

        // The clients sign in as the demo accounts, on PostgreSQL too (where they are not seeded by
        // default); every district's three accounts sign in at once from one address: more than a
        // minute's allowance against password guessing.
        start.Environment["DemoUsers__Seed"] = "true";
        start.Environment["FrontDoor__SignInsPerMinute"] = "10000";
        start.Environment.Remove("ConnectionStrings__RabbitMq");
        if (postgres is null)
        {
            start.Environment.Remove("ConnectionStrings__EventStore");
        }
        else
        {
            start.Environment["ConnectionStrings__EventStore"] = postgres;
        }

        var log = new StreamWriter(Path.Combine(dataDirectory, "server-console.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await server.WaitUntilHealthyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A server someone else started (bench e2e --url): answered /health/live, and is left running.</summary>
    public static async Task<ServerProcess> AttachAsync(Uri address, CancellationToken cancellationToken)
    {
        var server = new ServerProcess(null, null, address);
        await server.WaitUntilHealthyAsync(cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log!.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"The server stopped at start-up (exit {_process.ExitCode}); see server-console.log.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new InvalidOperationException("The server did not answer /health/live within 3 minutes.");
    }
}
