namespace OrgRestructure.Cli.Commands.Bench;

/// <summary>One append cell: a back end, a writer count, events per transaction.</summary>
internal sealed record AppendCell(string Backend, int Writers, int EventsPerTransaction, double EventsPerSecond, double TransactionsPerSecond)
{
    /// <summary>Plain INSERT + COMMIT of equally sized rows at the same concurrency (PostgreSQL only).</summary>
    public double? RawTransactionsPerSecond { get; init; }

    public double? RatioToRaw => RawTransactionsPerSecond is { } raw && raw > 0 ? TransactionsPerSecond / raw : null;
}

/// <summary>
/// A back end's figures. Read+fold is measured with one scan (<see cref="ReadFoldEventsPerSecond"/>,
/// the target's figure) and with pages of <c>ReadAllAsync</c> (<see cref="PagedReadFoldEventsPerSecond"/>).
/// </summary>
internal sealed record BackendResults(
    string Backend,
    string Where,
    IReadOnlyList<AppendCell> Appends,
    long EventsRead,
    double ReadFoldEventsPerSecond,
    double PagedReadFoldEventsPerSecond,
    long EventsRebuilt,
    double RebuildEventsPerSecond);

internal sealed record BenchReport(DateTimeOffset At, int ProcessorCount, string? LoadAverage, double SecondsPerCell, IReadOnlyList<BackendResults> Backends)
{
    /// <summary>The 1/5/15-minute load (Linux): on a shared machine it says how much the figures are worth.</summary>
    public static string? ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
}
