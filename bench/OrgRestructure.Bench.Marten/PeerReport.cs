using System.Globalization;
using System.Text.Json.Serialization;
using OrgRestructure.Bench.Marten.Peers;

namespace OrgRestructure.Bench.Marten;

/// <summary>One measure for every peer (per second), with ours against the others.</summary>
internal sealed record PeerCell(int? Writers, IReadOnlyDictionary<string, double> PerSecond)
{
    public double? RatioToRaw => Ratio("raw");

    public double? RatioToMarten => Ratio("marten");

    public string Describe(string what, string unit)
    {
        var figures = string.Join("  ", PerSecond.Select(p => FormattableString.Invariant($"{p.Key} {p.Value,9:N0}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"  {what,-34} {unit,-5} {figures}  ours/raw {Format(RatioToRaw)}  ours/marten {Format(RatioToMarten)}");
    }

    private double? Ratio(string other) =>
        PerSecond.TryGetValue("ours", out var ours) && PerSecond.TryGetValue(other, out var theirs) && theirs > 0 ? ours / theirs : null;

    private static string Format(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}

internal sealed record PeerReport(
    DateTimeOffset At,
    int ProcessorCount,
    string? LoadAverageAtStart,
    string? LoadAverageAtEnd,
    double SecondsPerCell,
    int Streams,
    int EventsPerStream,
    IReadOnlyList<PeerCell> Appends,
    PeerCell ReadFold,
    PeerCell Rebuild,
    [property: JsonIgnore] IReadOnlyDictionary<string, IReadOnlyList<FoldedStream>> Folds)
{
    /// <summary>The 1/5/15-minute load (Linux): on a shared machine it says how much the figures are worth.</summary>
    public static string? ReadLoadAverage() => Cli.Commands.Bench.BenchReport.ReadLoadAverage();
}
