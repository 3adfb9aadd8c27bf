using System.Collections.Concurrent;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>Latencies of one endpoint in one phase, in milliseconds.</summary>
internal sealed record EndpointLatency(int Count, double P50, double P95, double P99, double Max)
{
    public static EndpointLatency From(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double quantile) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return new EndpointLatency(sorted.Length, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }
}

/// <summary>One timed phase: who ran, how long, every endpoint's latencies, the actions done and the errors by status.</summary>
internal sealed record E2ePhase(
    string Name,
    int Readers,
    int Actors,
    double Seconds,
    double ActionsPerSecond,
    IReadOnlyDictionary<string, EndpointLatency> LatencyMs,
    IReadOnlyDictionary<string, int> Errors);

internal sealed record E2eReport(
    DateTimeOffset At,
    string Backend,
    int ProcessorCount,
    string? LoadAverageAtStart,
    string? LoadAverageAtEnd,
    int Cases,
    int OpenTasks,
    double SeedSeconds,
    double ServerStartSeconds,
    double RelayCatchUpSeconds,
    IReadOnlyDictionary<string, EndpointLatency> DeadlineScanMs,
    IReadOnlyList<E2ePhase> Phases,
    double? ServerCpuSeconds,
    double? ServerResidentMegabytes)
{
    public int Errors => Phases.Sum(p => p.Errors.Values.Sum());
}

/// <summary>What the clients of one phase record, safe for concurrent clients.</summary>
internal sealed class PhaseRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _actions;

    public void Record(string endpoint, double milliseconds) => _latencies.GetOrAdd(endpoint, _ => []).Add(milliseconds);

    public void Error(string endpoint, string status) => _errors.AddOrUpdate($"{endpoint} {status}", 1, (_, n) => n + 1);

    public void Action() => Interlocked.Increment(ref _actions);

    public E2ePhase Finish(string name, int readers, int actors, double seconds) => new(
        name, readers, actors, seconds, Interlocked.Read(ref _actions) / seconds,
        _latencies.OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary(l => l.Key, l => EndpointLatency.From(l.Value)),
        _errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value));
}
