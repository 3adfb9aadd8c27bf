using System.Collections.Concurrent;
using HdrHistogram;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>Latencies of one endpoint (or one lag) in milliseconds, read from an HdrHistogram of microseconds.</summary>
internal sealed record EndpointLatency(long Count, double P50, double P95, double P99, double Max)
{
    /// <summary>1 µs to 10 minutes at three significant digits: a 0.1% error on every figure printed.</summary>
    public static LongConcurrentHistogram NewHistogram() => new(1, 600_000_000, 3);

    /// <summary>Records milliseconds as whole microseconds, clamped to the histogram's range (a negative lag is a zero lag).</summary>
    public static void Record(HistogramBase histogram, double milliseconds) =>
        histogram.RecordValue(Math.Clamp((long)Math.Round(milliseconds * 1000), 1, histogram.HighestTrackableValue));

    public static EndpointLatency From(HistogramBase histogram) => histogram.TotalCount == 0
        ? new EndpointLatency(0, 0, 0, 0, 0)
        : new EndpointLatency(histogram.TotalCount, Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(95)), Ms(histogram.GetValueAtPercentile(99)), Ms(histogram.GetMaxValue()));

    public static EndpointLatency From(IEnumerable<double> milliseconds)
    {
        var histogram = NewHistogram();
        foreach (var ms in milliseconds)
        {
            Record(histogram, ms);
        }

        return From(histogram);
    }

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 2);
}

/// <summary>What the clients of one phase record, safe for concurrent clients: a histogram per endpoint, completions, errors by status.</summary>
internal sealed class PhaseRecorder
{
    private readonly ConcurrentDictionary<string, LongConcurrentHistogram> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _samples = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _conflicts = new(StringComparer.Ordinal);
    private long _completions;
    private long _outOfWork;

    public void Record(string endpoint, double milliseconds) => EndpointLatency.Record(_latencies.GetOrAdd(endpoint, _ => EndpointLatency.NewHistogram()), milliseconds);

    /// <summary>Counts an error by endpoint and status, keeping the first answer of each kind (a problem's text says which rule refused).</summary>
    public void Error(string endpoint, string status, string? body = null)
    {
        var key = $"{endpoint} {status}";
        _errors.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (body is { Length: > 0 })
        {
            _samples.TryAdd(key, body.Length > 600 ? body[..600] : body);
        }
    }

    /// <summary>A command the server asked to retry (the case changed first), sent again.</summary>
    public void Conflict(string endpoint) => _conflicts.AddOrUpdate(endpoint, 1, (_, n) => n + 1);

    public void Completion() => Interlocked.Increment(ref _completions);

    /// <summary>A worker whose district has nothing left to do (its case completed) before the phase ended.</summary>
    public void OutOfWork() => Interlocked.Increment(ref _outOfWork);

    public E2ePhase Finish(string name, int workers, int readers, int pollers, double seconds)
    {
        var completions = Interlocked.Read(ref _completions);
        return new(
            name, workers, readers, pollers, seconds, completions, Math.Round(completions / seconds, 2), Interlocked.Read(ref _outOfWork),
            _latencies.OrderBy(l => l.Key, StringComparer.Ordinal).ToDictionary(l => l.Key, l => EndpointLatency.From(l.Value)),
            _errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value),
            _samples.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value),
            _conflicts.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value));
    }
}
