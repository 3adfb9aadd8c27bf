using System.Diagnostics;
using Npgsql;
using OrgRestructure.Bench.Marten.Peers;

namespace OrgRestructure.Bench.Marten;

/// <summary>What one run measures: the length of a cell and the size of the read and rebuild data.</summary>
internal sealed record PeerBenchOptions(TimeSpan Cell, int Streams, int EventsPerStream = 100, int EventsPerLoadAppend = 10, int Readers = 8);

/// <summary>
/// Runs every peer through the same cells, fairly: each cell is warmed up untimed on every peer,
/// then timed in two halves in ABBA order (ours, Marten, raw, then raw, Marten, ours), so a
/// machine that gets busier or quieter during the cell weighs on every peer alike.
/// </summary>
internal static class PeerBenchmark
{
    public static readonly int[] WriterCounts = [1, 8, 32];
    private const int WarmUpAppends = 20;

    public static async Task<PeerReport> RunAsync(
        string connectionString, IReadOnlyList<IStorePeer> peers, PeerBenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var loadBefore = PeerReport.ReadLoadAverage();
        foreach (var peer in peers)
        {
            await peer.PrepareAsync(cancellationToken);
        }

        var appends = new List<PeerCell>();
        foreach (var writers in WriterCounts)
        {
            var cell = await AppendCellAsync(peers, writers, options.Cell, cancellationToken);
            appends.Add(cell);
            await log.WriteLineAsync(cell.Describe($"appends {writers,2} writers x 1 event", "txn/s"));
        }

        foreach (var peer in peers)
        {
            await LoadAsync(peer, options, cancellationToken);
        }

        // Every peer's tables analyzed alike: Marten's stream reads pick a sequential scan without statistics.
        await using (var analyze = new NpgsqlConnection(connectionString))
        {
            await analyze.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("ANALYZE", analyze);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var streamIds = Enumerable.Range(0, options.Streams).Select(StreamId).ToArray();
        var folds = new Dictionary<string, IReadOnlyList<FoldedStream>>();
        var readFold = await TimedAbbaAsync(peers, options.Cell, async peer =>
        {
            folds[peer.Name] = await FoldAllAsync(peer, streamIds, options.Readers, cancellationToken);
            return streamIds.Length * (long)options.EventsPerStream;
        });
        await log.WriteLineAsync(readFold.Describe($"read+fold {options.Streams} streams x {options.EventsPerStream}", "ev/s"));

        var rebuild = await TimedAbbaAsync(peers, options.Cell, async peer =>
        {
            await peer.RebuildAsync(cancellationToken);
            return streamIds.Length * (long)options.EventsPerStream;
        });
        await log.WriteLineAsync(rebuild.Describe("rebuild", "ev/s"));
        return new PeerReport(
            DateTimeOffset.UtcNow, Environment.ProcessorCount, loadBefore, PeerReport.ReadLoadAverage(), options.Cell.TotalSeconds,
            options.Streams, options.EventsPerStream, appends, readFold, rebuild, folds);
    }

    internal static string StreamId(int index) => $"fold-{index:D6}";

    /// <summary>Every stream read and folded by <paramref name="readers"/> concurrent readers.</summary>
    internal static async Task<IReadOnlyList<FoldedStream>> FoldAllAsync(IStorePeer peer, IReadOnlyList<string> streamIds, int readers, CancellationToken cancellationToken)
    {
        var results = new FoldedStream[streamIds.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < streamIds.Count; i = Interlocked.Increment(ref next))
            {
                results[i] = await peer.ReadAndFoldAsync(streamIds[i], cancellationToken);
            }
        }, cancellationToken)));
        return results;
    }

    private static async Task<PeerCell> AppendCellAsync(IReadOnlyList<IStorePeer> peers, int writers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var prefix = $"w{writers}-{Guid.NewGuid():N}";
        var versions = peers.ToDictionary(p => p.Name, _ => new long[writers]);
        var steps = new[] { 1 };
        Func<int, Task> Step(IStorePeer peer) => async w =>
        {
            await peer.AppendAsync($"{prefix}-{w}", versions[peer.Name][w], steps, cancellationToken);
            versions[peer.Name][w]++;
        };

        foreach (var peer in peers)
        {
            var step = Step(peer);
            await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
            {
                for (var i = 0; i < WarmUpAppends; i++)
                {
                    await step(w);
                }
            }));
        }

        var totals = peers.ToDictionary(p => p.Name, _ => (Operations: 0L, Seconds: 0.0));
        foreach (var peer in Abba(peers))
        {
            var (operations, seconds) = await LoopAsync(writers, duration / 2, Step(peer));
            var total = totals[peer.Name];
            totals[peer.Name] = (total.Operations + operations, total.Seconds + seconds);
        }

        return new PeerCell(writers, totals.ToDictionary(t => t.Key, t => t.Value.Operations / t.Value.Seconds));
    }

    /// <summary>Repeats whole passes of <paramref name="pass"/> (returning its events) for half the cell per peer, ABBA, after one untimed pass each.</summary>
    private static async Task<PeerCell> TimedAbbaAsync(IReadOnlyList<IStorePeer> peers, TimeSpan duration, Func<IStorePeer, Task<long>> pass)
    {
        foreach (var peer in peers)
        {
            await pass(peer);
        }

        var totals = peers.ToDictionary(p => p.Name, _ => (Events: 0L, Seconds: 0.0));
        foreach (var peer in Abba(peers))
        {
            var clock = Stopwatch.StartNew();
            long events = 0;
            do
            {
                events += await pass(peer);
            }
            while (clock.Elapsed < duration / 2);

            var total = totals[peer.Name];
            totals[peer.Name] = (total.Events + events, total.Seconds + clock.Elapsed.TotalSeconds);
        }

        return new PeerCell(null, totals.ToDictionary(t => t.Key, t => t.Value.Events / t.Value.Seconds));
    }

    private static IEnumerable<IStorePeer> Abba(IReadOnlyList<IStorePeer> peers) => peers.Concat(peers.Reverse());

    private static async Task<(long Operations, double Seconds)> LoopAsync(int writers, TimeSpan duration, Func<int, Task> step)
    {
        long operations = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await step(w);
                Interlocked.Increment(ref operations);
            }
        })));
        return (operations, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The read and rebuild data: every stream built by appends of a few events, as a case grows.</summary>
    private static async Task LoadAsync(IStorePeer peer, PeerBenchOptions options, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, options.Readers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < options.Streams; i = Interlocked.Increment(ref next))
            {
                for (var version = 0; version < options.EventsPerStream; version += options.EventsPerLoadAppend)
                {
                    var count = Math.Min(options.EventsPerLoadAppend, options.EventsPerStream - version);
                    var steps = Enumerable.Range(version + 1, count).ToArray();
                    await peer.AppendAsync(StreamId(i), version, steps, cancellationToken);
                }
            }
        }, cancellationToken)));
    }
}
