using System.Collections.Concurrent;

namespace OrgRestructure.EventStore.Storage;

/// <summary>
/// Streams on which an append with <c>ExpectedVersion = Any</c> recently lost a race. On such a
/// stream the optimistic guess at the head nearly always loses again, and each loss costs a round
/// trip plus an error thrown up through the driver, so for a short while those appends queue on the
/// stream's lock at once. A stream that cools down goes back to the one-round-trip path.
/// </summary>
internal sealed class ContendedStreams
{
    private const int Capacity = 10_000;
    private const long HotMilliseconds = 2_000;
    private readonly ConcurrentDictionary<string, long> _lostAt = new(StringComparer.Ordinal);

    public bool IsHot(string streamId) =>
        _lostAt.TryGetValue(streamId, out var at) && Environment.TickCount64 - at < HotMilliseconds;

    public void LostRace(string streamId)
    {
        if (_lostAt.Count >= Capacity)
        {
            _lostAt.Clear();
        }

        _lostAt[streamId] = Environment.TickCount64;
    }
}
