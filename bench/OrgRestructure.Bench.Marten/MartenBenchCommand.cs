using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrgRestructure.Bench.Marten.Peers;
using OrgRestructure.Cli.Commands.Bench;

namespace OrgRestructure.Bench.Marten;

/// <summary>
/// dotnet run --project bench/OrgRestructure.Bench.Marten -c Release -- [--seconds N] [--streams N] [--json]:
/// our store, Marten and plain SQL through the same cells on one PostgreSQL (ConnectionStrings__EventStore's
/// server when set, else one started with deploy/postgres.sh, as bench store does).
/// </summary>
internal static class MartenBenchCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var seconds = 3.0;
        var streams = 300;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            var ok = args[i] switch
            {
                "--json" => json = true,
                "--seconds" when i + 1 < args.Count => double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds is > 0 and <= 600,
                "--streams" when i + 1 < args.Count => int.TryParse(args[++i], CultureInfo.InvariantCulture, out streams) && streams is > 0 and <= 100_000,
                _ => false,
            };
            if (!ok)
            {
                await error.WriteLineAsync("Usage: OrgRestructure.Bench.Marten [--seconds N (0-600, default 3)] [--streams N (default 300)] [--json]");
                return 2;
            }
        }

        var log = json ? error : output;
        await using var server = await BenchPostgres.StartAsync(Environment.GetEnvironmentVariable("ConnectionStrings__EventStore"), log, cancellationToken);
        await log.WriteLineAsync($"PostgreSQL ({server.Where}); each cell {seconds:0.#} s in ABBA halves after a warm-up; {streams} streams x 100 events for read+fold and rebuild");
        var startup = Stopwatch.StartNew();
        var marten = new MartenPeer(server.ConnectionString);
        await marten.PrepareAsync(cancellationToken);
        var martenStartup = startup.Elapsed;
        IStorePeer[] peers = [new OurStorePeer(server.ConnectionString), marten, new RawSqlPeer(server.ConnectionString)];
        try
        {
            var report = await PeerBenchmark.RunAsync(
                server.ConnectionString, peers, new PeerBenchOptions(TimeSpan.FromSeconds(seconds), streams), log, cancellationToken);
            var folded = report.Folds.Values.Select(f => string.Join('\n', f)).Distinct().Count();
            await log.WriteLineAsync($"Marten start-up (store + schema) {martenStartup.TotalSeconds:0.00} s; the peers folded {(folded == 1 ? "the same" : "DIFFERENT")} state");
            await log.WriteLineAsync($"{report.ProcessorCount} cores; load average {report.LoadAverageAtStart} at the start, {report.LoadAverageAtEnd} at the end");
            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            }

            return folded == 1 ? 0 : 1;
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }
        }
    }
}
