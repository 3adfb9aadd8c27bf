using System.CommandLine;
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

    public Command Create(CliContext context)
    {
        var json = CliOptions.Json();
        var seconds = CliOptions.Seconds(3, "Seconds per cell");
        var backend = CliOptions.OneOf("--backend", "all", "The stores to measure", "postgres", "sqlite", "all");
        var command = new Command("store", """
            Benchmark the event store (appends vs raw INSERT, read+fold, rebuild)

            Appends/s with 1, 8 and 32 concurrent writers for 1-event and 5-event transactions; read+fold
            events/s (one scan, and pages of 10,000); projection rebuild events/s. On PostgreSQL, the same run
            measures the raw ceiling (plain Npgsql INSERT + COMMIT of equally sized rows at the same
            concurrency) and prints our/raw. PostgreSQL: a throwaway database on ConnectionStrings__EventStore's
            server when set, else a server started (and stopped) with deploy/postgres.sh. SQLite: a temp file.
            """) { json, seconds, backend };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            context, parsed.GetValue(json), parsed.GetValue(seconds), parsed.GetRequiredValue(backend), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, bool json, double seconds, string backend, CancellationToken cancellationToken)
    {
        var log = json ? context.Error : context.Output;
        var cell = TimeSpan.FromSeconds(seconds);
        var results = new List<BackendResults>();
        try
        {
            var backends = backend == "all" ? 2 : 1;
            await CliProgress.RunAsync(log, "bench store", backends * StoreBenchmark.Steps, async progress =>
            {
                if (backend is "all" or "postgres")
                {
                    await using var server = await BenchPostgres.StartAsync(context.Settings.EventStoreConnectionString, progress.Log, cancellationToken);
                    await using var store = new PostgresEventStore(server.ConnectionString);
                    await using var raw = new RawInsertBenchmark(server.ConnectionString);
                    await progress.Log.WriteLineAsync($"PostgreSQL ({server.Where}):");
                    results.Add(await StoreBenchmark.RunAsync("postgres", server.Where, store, raw, cell, progress, cancellationToken));
                }

                if (backend is "all" or "sqlite")
                {
                    var directory = Path.Combine(Path.GetTempPath(), $"orgrestructure-bench-sqlite-{Guid.NewGuid():N}");
                    try
                    {
                        var store = new SqliteEventStore(Path.Combine(directory, "bench.db"));
                        await progress.Log.WriteLineAsync("SQLite (WAL, synchronous=NORMAL):");
                        results.Add(await StoreBenchmark.RunAsync("sqlite", store.Path, store, null, cell, progress, cancellationToken));
                    }
                    finally
                    {
                        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                        Directory.Delete(directory, recursive: true);
                    }
                }

                return results;
            });
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
