using System.Diagnostics;
using System.Globalization;
using OrgRestructure.EventStore.Migrations;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Cli.Commands.Bench;

/// <summary>Append, read+fold and rebuild throughput of one store, with the raw ceiling when given.</summary>
internal static class StoreBenchmark
{
    public static readonly int[] WriterCounts = [1, 8, 32];
    public static readonly int[] EventsPerTransaction = [1, 5];
    private const int PageSize = 10_000;
    private const int MaxWarmUpPasses = 5;
    private const int WarmUpSteps = 20;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromMilliseconds(500);

    private static readonly EventMetadata Metadata = new("bench", "organization-board", Guid.NewGuid());

    /// <summary>What one backend's run reports as it goes: each append cell, the two read+folds and the rebuild.</summary>
    public static int Steps => (WriterCounts.Length * EventsPerTransaction.Length) + 3;

    public static async Task<BackendResults> RunAsync(
        string backend, string where, IRelationalEventStore store, RawInsertBenchmark? raw, TimeSpan cell, CliProgress progress, CancellationToken cancellationToken)
    {
        var log = progress.Log;
        var projection = new BenchSummaryProjection();
        await new EventStoreMigrator(store, null, [projection]).MigrateAsync(cancellationToken);
        if (raw is not null)
        {
            await raw.CreateTableAsync(cancellationToken);
        }

        var cells = new List<AppendCell>();
        foreach (var writers in WriterCounts)
        {
            foreach (var size in EventsPerTransaction)
            {
                var versions = new long[writers];
                var prefix = $"bench-{writers}x{size}-{Guid.NewGuid():N}";
                var events = Enumerable.Range(0, size).Select(i => new NewEvent("StepRecorded", Payload(i))).ToArray();
                Func<int, Task> ours = async w =>
                {
                    await store.AppendAsync(new AppendRequest($"{prefix}-{w}", versions[w], events, Metadata), cancellationToken);
                    versions[w] += size;
                };
                Func<int, Task>? ceiling = raw is null ? null : w => raw.InsertAsync(w, size, Payload(0), cancellationToken);
                var (txns, seconds, rawTxns, rawSeconds) = await MeasureFairlyAsync(writers, cell, ours, ceiling);
                var result = new AppendCell(backend, writers, size, txns * size / seconds, txns / seconds);
                if (ceiling is not null)
                {
                    result = result with { RawTransactionsPerSecond = rawTxns / rawSeconds };
                }

                cells.Add(result);
                var line = FormattableString.Invariant(
                    $"  {backend,-10} {writers,2} writers x {size} event(s)/txn: {result.EventsPerSecond,9:N0} ev/s {result.TransactionsPerSecond,8:N0} txn/s");
                if (result.RatioToRaw is { } r)
                {
                    line += FormattableString.Invariant($"  raw {result.RawTransactionsPerSecond,8:N0} txn/s  ours/raw {r:0.00}");
                }

                await log.WriteLineAsync(line);
                progress.Advance();
            }
        }

        var (paged, pagedSeconds) = await SteadyStateAsync(() => ReadPagesAndFoldAsync(store, cancellationToken));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {backend,-10} read+fold (pages of {PageSize:N0}): {paged:N0} events, {paged / pagedSeconds:N0} ev/s"));
        progress.Advance();
        var (read, readSeconds) = await SteadyStateAsync(() => ScanAndFoldAsync(store, cancellationToken));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {backend,-10} read+fold (scan): {read:N0} events, {read / readSeconds:N0} ev/s"));
        progress.Advance();
        var daemon = new ProjectionDaemon(store, [projection], new ProjectionDaemonOptions { BatchSize = 5000 });
        var (rebuilt, rebuildSeconds) = await SteadyStateAsync(() => daemon.RebuildAsync(projection.Name, cancellationToken));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {backend,-10} rebuild: {rebuilt:N0} events, {rebuilt / rebuildSeconds:N0} ev/s"));
        progress.Advance();
        return new BackendResults(backend, where, cells, read, read / readSeconds, paged / pagedSeconds, rebuilt, rebuilt / rebuildSeconds);
    }

    /// <summary>
    /// Times ours and the raw ceiling fairly: both warmed up untimed first (JIT, pools, prepared
    /// statements), then each run for half the cell in ABBA order (ours, raw, raw, ours), so a
    /// machine that gets busier during the cell weighs on both alike. Without it the single writer
    /// measured ours cold and first, at 0.4-0.7x raw.
    /// </summary>
    private static async Task<(long Ours, double OursSeconds, long Raw, double RawSeconds)> MeasureFairlyAsync(
        int writers, TimeSpan duration, Func<int, Task> ours, Func<int, Task>? raw)
    {
        await WarmUpAsync(writers, ours);
        if (raw is null)
        {
            var (operations, seconds) = await LoopAsync(writers, duration, ours);
            return (operations, seconds, 0, 0);
        }

        await WarmUpAsync(writers, raw);
        var half = duration / 2;
        var (a1, a1Seconds) = await LoopAsync(writers, half, ours);
        var (b1, b1Seconds) = await LoopAsync(writers, half, raw);
        var (b2, b2Seconds) = await LoopAsync(writers, half, raw);
        var (a2, a2Seconds) = await LoopAsync(writers, half, ours);
        return (a1 + a2, a1Seconds + a2Seconds, b1 + b2, b1Seconds + b2Seconds);
    }

    private static async Task WarmUpAsync(int writers, Func<int, Task> step)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            for (var i = 0; i < WarmUpSteps || clock.Elapsed < WarmUpTime; i++)
            {
                await step(w);
            }
        }));
    }

    /// <summary>Runs <paramref name="writers"/> loops of <paramref name="step"/> for the duration.</summary>
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

    /// <summary>
    /// Times one pass of <paramref name="pass"/> after untimed ones (at least two, and two seconds):
    /// a single pass over ~100k events otherwise runs largely in tier-0 JIT code and measures the JIT,
    /// while the store's readers (daemon, relay, replays) run hot in a long-lived server.
    /// </summary>
    private static async Task<(long Events, double Seconds)> SteadyStateAsync(Func<Task<long>> pass)
    {
        var warmUp = Stopwatch.StartNew();
        for (var passes = 0; passes < MaxWarmUpPasses && (passes < 2 || warmUp.Elapsed < TimeSpan.FromSeconds(2)); passes++)
        {
            await pass();
        }

        var clock = Stopwatch.StartNew();
        var events = await pass();
        return (events, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Reads every event with <see cref="IEventStore.ScanAllAsync"/> and folds it (parsing each event's JSON) into per-stream state.</summary>
    private static async Task<long> ScanAndFoldAsync(IRelationalEventStore store, CancellationToken cancellationToken)
    {
        var fold = new BenchFold();
        long count = 0;
        await foreach (var e in store.ScanAllAsync(0, cancellationToken))
        {
            fold.Apply(e);
            count++;
        }

        return count;
    }

    /// <summary>The same fold over <see cref="IEventStore.ReadAllAsync"/> pages, as a catching-up consumer reads.</summary>
    private static async Task<long> ReadPagesAndFoldAsync(IRelationalEventStore store, CancellationToken cancellationToken)
    {
        var fold = new BenchFold();
        long count = 0;
        long after = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(after, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var e in page)
            {
                fold.Apply(e);
            }

            count += page.Count;
            after = page[^1].GlobalPosition;
        }

        return count;
    }

    /// <summary>About 250 bytes of JSON, the size of a typical workflow event.</summary>
    internal static string Payload(int step) => $$"""
        {"caseId":"{{Guid.NewGuid()}}","step":{{step}},"activity":"vetting","candidate":"Nguyễn Văn An","decision":"approved","reason":"Đủ tiêu chuẩn theo quy định","reviewer":"ubkt.tamky","comment":"Hồ sơ đầy đủ, đã thẩm tra lý lịch"}
        """;
}
