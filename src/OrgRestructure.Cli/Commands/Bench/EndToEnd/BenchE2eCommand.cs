using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using OrgRestructure.Hosting.Composition;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>orgrestructure bench e2e: the whole product through HTTP at a campaign's size, on SQLite or PostgreSQL.</summary>
internal sealed class BenchE2eCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Name => "bench e2e";

    public Command Create(CliContext context)
    {
        var definition = new Option<string>("--definition") { Description = "The procedure the cases run (see 'workflows validate')", HelpName = "ID", Required = true };
        var backend = CliOptions.OneOf("--backend", "sqlite", "The store the seeded server runs on", "sqlite", "postgres");
        var scale = CliOptions.OneOf("--scale", "national", "national: ~3,300 units, ~50,000 open tasks; pilot: the demo province's districts", "national", "pilot");
        var seconds = CliOptions.Seconds(10, "Seconds per phase");
        var clients = CliOptions.Integer("--clients", 8, 2, 256, "Concurrent clients");
        var warmUp = CliOptions.Integer("--warmup", 20, 0, 600, "Seconds of load before the timed phases, for the server's JIT to reach its optimized code");
        var think = CliOptions.Integer("--think", 0, 0, 60_000, "Milliseconds each client waits between its requests (0: as fast as the server answers, the saturation case)");
        var json = CliOptions.Json();
        var url = new Option<Uri?>("--url")
        {
            Description = "Time this already-running server (e.g. a cluster behind HAProxy) as it is: nothing is seeded or started; its demo accounts must exist",
            HelpName = "URL",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--url must be an http:// or https:// address, not '{text}'. / Giá trị --url không hợp lệ.");
                return null;
            },
        };
        var command = new Command("e2e", """
            Benchmark the server end to end over HTTP (inbox, case list, dashboard, claim and complete) at a national campaign's size

            Launches a campaign's cases through the engine into a fresh store (national: the 3,321 units of
            ../shared/data/vietnam-2025-communes.json, 5 committees per former organization, ~50,000 open
            tasks, plus the demo province's districts; pilot: the demo province's districts only), starts the
            built server (src/OrgRestructure.Server/bin/Release) on it on a loopback port, signs in as the demo
            accounts and times, per endpoint, p50/p95/p99/max: phase "reads" (N readers: inbox of a district's
            standing committee, the province's case list, its dashboard) and phase "work" (N workers that claim
            and complete tasks with valid form data as the district accounts holding each task's role, plus N/4
            readers and N/8 notification-feed pollers); reports completions/s, notification lag (event committed
            to notice stored), the server's CPU and memory. --clients is the number of workers. PostgreSQL: a throwaway database on
            ConnectionStrings__EventStore's server when set, else a server started with deploy/postgres.sh; the
            bus is in memory. With --url the server is the one given, with its own store and cases.
            """) { definition, backend, scale, seconds, clients, warmUp, think, json, url };
        command.Validators.Add(result =>
        {
            if (result.GetResult(url) is not null && (result.GetResult(backend) is { Implicit: false } || result.GetResult(scale) is { Implicit: false }))
            {
                result.AddError("--url times a running server with its own store: --backend and --scale do not apply. / --url không dùng cùng --backend hay --scale.");
            }
        });
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context,
            new E2eOptions(
                parsed.GetRequiredValue(definition),
                parsed.GetRequiredValue(backend),
                parsed.GetValue(scale) == "national",
                TimeSpan.FromSeconds(parsed.GetValue(seconds)),
                parsed.GetValue(clients),
                parsed.GetValue(json),
                parsed.GetValue(url),
                TimeSpan.FromSeconds(parsed.GetValue(warmUp)),
                TimeSpan.FromMilliseconds(parsed.GetValue(think))),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, E2eOptions run, CancellationToken cancellationToken)
    {
        // A running server needs no build; its demo accounts come from the same survey.
        var serverDll = run.Url is null ? ServerProcess.FindServerDll() : "";
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
            var report = await CliProgress.RunAsync(log, "bench e2e", null, async progress =>
            {
                await using var postgres = run.Backend == "postgres" && run.Url is null
                    ? await BenchPostgres.StartAsync(context.Settings.EventStoreConnectionString, progress.Log, cancellationToken)
                    : null;
                return await E2eRun.RunAsync(context, run, serverDll, surveyFile, dataDirectory, postgres?.ConnectionString, progress.Log, cancellationToken);
            });
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

/// <summary>What one end-to-end run does; <see cref="Url"/> names a running server to time instead of seeding and starting one.</summary>
internal sealed record E2eOptions(string Definition, string Backend, bool National, TimeSpan Phase, int Clients, bool Json, Uri? Url = null, TimeSpan? WarmUp = null, TimeSpan Think = default);
