using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// The notices the pollers saw in the districts' feeds: each once, with the time the server stored it
/// and the time a poll first showed it. Measured against the timestamp of the event it was made from
/// (the store's append time, taken in the transaction that commits it), only for events of the timed
/// phase — the completions and launches the workers made. Every clock is this machine's.
/// </summary>
internal sealed class NotificationWatch
{
    private readonly ConcurrentDictionary<string, (Guid Source, DateTimeOffset Created, DateTimeOffset? Seen)> _seen = new(StringComparer.Ordinal);

    /// <summary>Takes the notices of a feed; <paramref name="at"/> is when a timed poll showed them (null: the sweep after the phase).</summary>
    public void Saw(string feed, DateTimeOffset? at)
    {
        foreach (var item in (JsonNode.Parse(feed) as JsonArray ?? []).OfType<JsonObject>())
        {
            if (item["id"]?.GetValue<string>() is { } id
                && Guid.TryParse(item["sourceEventId"]?.GetValue<string>(), out var source)
                && item["createdAt"]?.GetValue<DateTimeOffset>() is { } created)
            {
                _seen.TryAdd(id, (source, created, at));
            }
        }
    }

    /// <summary>Event → notice stored, and event → notice first seen by a poll (which adds up to one poll cycle), over the phase's events.</summary>
    public (EndpointLatency Stored, EndpointLatency Seen) Measure(IReadOnlyDictionary<Guid, DateTimeOffset> eventTimes)
    {
        var stored = EndpointLatency.NewHistogram();
        var seen = EndpointLatency.NewHistogram();
        foreach (var (source, created, at) in _seen.Values)
        {
            if (eventTimes.TryGetValue(source, out var committed))
            {
                EndpointLatency.Record(stored, (created - committed).TotalMilliseconds);
                if (at is { } first)
                {
                    EndpointLatency.Record(seen, (first - committed).TotalMilliseconds);
                }
            }
        }

        return (EndpointLatency.From(stored), EndpointLatency.From(seen));
    }
}

internal sealed partial class E2eClients
{
    /// <summary>A poller until the clock runs out: the feeds of its accounts in turn (GET /api/notifications), pausing the think time between polls like every client.</summary>
    public async Task PollAsync(PhaseRecorder recorder, NotificationWatch watch, IReadOnlyList<string> users, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        for (var i = 0; clock.Elapsed < duration && users.Count > 0; i++)
        {
            if (await TimedAsync(recorder, "notifications", Request(HttpMethod.Get, "/api/notifications", users[i % users.Count]), cancellationToken) is { } feed)
            {
                watch.Saw(feed, DateTimeOffset.UtcNow);
            }

            await ThinkAsync(cancellationToken);
        }
    }

    /// <summary>One last look at every feed after the phase (untimed), for the stored lag of its last completions' notices.</summary>
    public async Task SweepAsync(NotificationWatch watch, IEnumerable<string> users, CancellationToken cancellationToken)
    {
        var untimed = new PhaseRecorder();
        foreach (var user in users)
        {
            if (await TimedAsync(untimed, "notifications", Request(HttpMethod.Get, "/api/notifications", user), cancellationToken) is { } feed)
            {
                watch.Saw(feed, null);
            }
        }
    }
}
