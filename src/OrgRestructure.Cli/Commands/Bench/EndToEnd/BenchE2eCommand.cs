using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using OrgRestructure.Hosting.Composition;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>orgrestructure bench e2e: the whole product through HTTP at a campaign's size, on SQLite or PostgreSQL.</summary>
internal sealed class BenchE2eCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Name => "bench e2e";

    public string Summary => "Benchmark the server end to end over HTTP (inbox, case list, dashboard, claim/release) at a national campaign's size";

    public string Usage => """
        Usage: orgrestructure bench e2e --definition ID [--backend sqlite|postgres] [--scale national|pilot]
                                        [--seconds N] [--clients N] [--json]

        Launches a campaign's cases through the engine into a fresh store (national: the 3,321 units of
        ../shared/data/vietnam-2025-communes.json, 5 committees per former organization, ~50,000 open
        tasks, plus the demo province's districts; pilot: the demo province's districts only), starts the
        built server (src/OrgRestructure.Server/bin/Release) on it on a loopback port, signs in as the demo
        accounts and times, per endpoint, p50/p95/p99/max: phase "reads" (N readers: inbox of a district's
        standing committee, the province's case list, its dashboard) and phase "mixed" (N/2 readers and up to
        N/2 district actors claiming and releasing tasks of their inbox). --definition names the procedure the
        cases run (see 'workflows validate'). PostgreSQL: a throwaway database on ConnectionStrings__EventStore's
        server when set, else a server started with deploy/postgres.sh; the bus is in memory.
        --seconds is per phase (default 10), --clients defaults to 8. --json prints JSON on stdout.
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = await Migrate.StoreCommandSupport.ParseAsync(context, args, ["--definition", "--backend", "--scale", "--seconds", "--clients"], ["--json"]);
        if (options is null)
        {
            return 2;
        }

        var run = await E2eOptions.ParseAsync(context, options);
        if (run is null)
        {
            return 2;
        }

        var serverDll = ServerProcess.FindServerDll();
        var surveyFile = DemoData.LocateSurvey(context.Settings.DataDirectory);
        if (serverDll is null || surveyFile is null)
        {
            await context.Error.WriteLineAsync(serverDll is null
                ? "The server is not built: run 'dotnet build src/OrgRestructure.Server -c Release' first. / Chưa build máy chủ."
                : "The demo survey (shared/data) was not found. / Không tìm thấy dữ liệu khảo sát mẫu.");
            return 1;
        }

        var log = run.Json ? context.Error : context.Output;
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"orgrestructure-bench-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        try
        {
            BenchPostgres? postgres = run.Backend == "postgres"
                ? await BenchPostgres.StartAsync(context.Settings.EventStoreConnectionString, log, cancellationToken)
                : null;
            await using (postgres)
            {
                var report = await E2eRun.RunAsync(context, run, serverDll, surveyFile, dataDirectory, postgres?.ConnectionString, log, cancellationToken);
                if (run.Json)
                {
                    await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
                }
                else
                {
                    await E2eRun.WriteTableAsync(context.Output, report);
                }

                return report.Errors == 0 ? 0 : 1;
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or HttpRequestException)
        {
            await context.Error.WriteLineAsync($"Benchmark failed: {ex.Message} / Lỗi khi chạy benchmark.");
            return 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean from /tmp.
            }
        }
    }
}

internal sealed record E2eOptions(string Definition, string Backend, bool National, TimeSpan Phase, int Clients, bool Json)
{
    public static async Task<E2eOptions?> ParseAsync(CliContext context, Dictionary<string, string?> options)
    {
        var seconds = 10.0;
        var clients = 8;
        var backend = options.GetValueOrDefault("--backend") ?? "sqlite";
        var scale = options.GetValueOrDefault("--scale") ?? "national";
        string? problem = null;
        if (options.GetValueOrDefault("--definition") is not { Length: > 0 })
        {
            problem = "--definition is required (the procedure the cases run). / Cần --definition.";
        }
        else if (backend is not ("sqlite" or "postgres"))
        {
            problem = "--backend must be sqlite or postgres. / Giá trị --backend không hợp lệ.";
        }
        else if (scale is not ("national" or "pilot"))
        {
            problem = "--scale must be national or pilot. / Giá trị --scale không hợp lệ.";
        }
        else if (options.TryGetValue("--seconds", out var s)
            && (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) || seconds is <= 0 or > 600))
        {
            problem = "--seconds must be a number between 0 and 600. / Giá trị --seconds không hợp lệ.";
        }
        else if (options.TryGetValue("--clients", out var c)
            && (!int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out clients) || clients is < 2 or > 256))
        {
            problem = "--clients must be between 2 and 256. / Giá trị --clients không hợp lệ.";
        }

        if (problem is not null)
        {
            await context.Error.WriteLineAsync(problem);
            return null;
        }

        return new E2eOptions(options["--definition"]!, backend, scale == "national", TimeSpan.FromSeconds(seconds), clients, options.ContainsKey("--json"));
    }
}
