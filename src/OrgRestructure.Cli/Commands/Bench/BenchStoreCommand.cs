using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Sqlite;

namespace OrgRestructure.Cli.Commands.Bench;

/// <summary>orgrestructure bench store: event store throughput on PostgreSQL and SQLite, against the raw ceiling.</summary>
internal sealed class BenchStoreCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Name => "bench store";

    public string Summary => "Benchmark the event store (appends vs raw INSERT, read+fold, rebuild)";

    public string Usage => """
        Usage: orgrestructure bench store [--json] [--seconds N] [--backend postgres|sqlite|all]

        Appends/s with 1, 8 and 32 concurrent writers for 1-event and 5-event transactions; read+fold
        events/s (one scan, and pages of 10,000); projection rebuild events/s. On PostgreSQL, the same run measures the raw ceiling
        (plain Npgsql INSERT + COMMIT of equally sized rows at the same concurrency) and prints our/raw.
        PostgreSQL: a throwaway database on ConnectionStrings__EventStore's server when set, else a
        server started (and stopped) with deploy/postgres.sh. SQLite: a temp file.
        --seconds is per cell (default 3). --json prints the results as JSON on stdout (progress on stderr).
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = await Migrate.StoreCommandSupport.ParseAsync(context, args, ["--seconds", "--backend"], ["--json"]);
        if (options is null)
        {
            return 2;
        }

        var seconds = 3.0;
        if (options.TryGetValue("--seconds", out var secondsText)
            && (!double.TryParse(secondsText, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) || seconds <= 0 || seconds > 600))
        {
            await context.Error.WriteLineAsync("--seconds must be a number between 0 and 600. / Giá trị --seconds không hợp lệ.");
            return 2;
        }

        var backend = options.GetValueOrDefault("--backend") ?? "all";
        if (backend is not ("all" or "postgres" or "sqlite"))
        {
            await context.Error.WriteLineAsync("--backend must be postgres, sqlite or all. / Giá trị --backend không hợp lệ.");
            return 2;
        }

        var json = options.ContainsKey("--json");
        var log = json ? context.Error : context.Output;
        var cell = TimeSpan.FromSeconds(seconds);
        var results = new List<BackendResults>();
        try
        {
            if (backend is "all" or "postgres")
            {
                await using var server = await BenchPostgres.StartAsync(context.Settings.EventStoreConnectionString, log, cancellationToken);
                await using var store = new PostgresEventStore(server.ConnectionString);
                await using var raw = new RawInsertBenchmark(server.ConnectionString);
                await log.WriteLineAsync($"PostgreSQL ({server.Where}):");
                results.Add(await StoreBenchmark.RunAsync("postgres", server.Where, store, raw, cell, log, cancellationToken));
            }

            if (backend is "all" or "sqlite")
            {
                var directory = Path.Combine(Path.GetTempPath(), $"orgrestructure-bench-sqlite-{Guid.NewGuid():N}");
                try
                {
                    var store = new SqliteEventStore(Path.Combine(directory, "bench.db"));
                    await log.WriteLineAsync("SQLite (WAL, synchronous=NORMAL):");
                    results.Add(await StoreBenchmark.RunAsync("sqlite", store.Path, store, null, cell, log, cancellationToken));
                }
                finally
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(directory, recursive: true);
                }
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            await context.Error.WriteLineAsync($"Benchmark failed: {ex.Message} / Lỗi khi chạy benchmark.");
            return 1;
        }

        var report = new BenchReport(DateTimeOffset.UtcNow, Environment.ProcessorCount, BenchReport.ReadLoadAverage(), seconds, results);
        if (json)
        {
            await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            await WriteSummaryAsync(context.Output, report);
        }

        return 0;
    }

    private static async Task WriteSummaryAsync(TextWriter output, BenchReport report)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{report.ProcessorCount} cores, load average {report.LoadAverage ?? "n/a"} at the end of the run");
        await output.WriteLineAsync("Targets: 8 writers x 1 event >= 0.8x raw; read+fold >= 200,000 ev/s; rebuild >= 50,000 ev/s");
        foreach (var backend in report.Backends)
        {
            var eight = backend.Appends.FirstOrDefault(c => c is { Writers: 8, EventsPerTransaction: 1 });
            var ratio = eight?.RatioToRaw is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {backend.Backend}: 8x1 ours/raw {ratio}; read+fold {backend.ReadFoldEventsPerSecond:N0} ev/s (pages {backend.PagedReadFoldEventsPerSecond:N0}); rebuild {backend.RebuildEventsPerSecond:N0} ev/s"));
        }
    }
}
