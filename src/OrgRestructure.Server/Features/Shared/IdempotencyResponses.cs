namespace OrgRestructure.Server.Features.Shared;

/// <summary>An answer kept for an Idempotency-Key: replayed to the same request, refused to a different one.</summary>
internal sealed record StoredResponse(string Fingerprint, int Status, string? ContentType, byte[] Body);

/// <summary>
/// The answers kept for replay, bounded so a long-running node does not grow without end: each is
/// kept for <see cref="Retention"/> and at most <see cref="Capacity"/> of them, the oldest going
/// first. A retry that comes later, or reaches another node, still appends nothing: the key is
/// also the event store's command id.
/// </summary>
internal sealed class IdempotencyResponses(TimeProvider clock, int capacity = IdempotencyResponses.Capacity)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _oldestFirst = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    public StoredResponse? Find(string key)
    {
        lock (_gate)
        {
            DropExpired();
            return _byKey.TryGetValue(key, out var node) ? node.Value.Response : null;
        }
    }

    public void Keep(string key, StoredResponse response)
    {
        lock (_gate)
        {
            DropExpired();
            if (_byKey.Remove(key, out var existing))
            {
                _oldestFirst.Remove(existing);
            }

            _byKey[key] = _oldestFirst.AddLast(new Entry(key, response, clock.GetUtcNow()));
            while (_byKey.Count > capacity && _oldestFirst.First is { } oldest)
            {
                Drop(oldest);
            }
        }
    }

    private void DropExpired()
    {
        var cutoff = clock.GetUtcNow() - Retention;
        while (_oldestFirst.First is { } oldest && oldest.Value.KeptAt <= cutoff)
        {
            Drop(oldest);
        }
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        _oldestFirst.Remove(node);
        _byKey.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, StoredResponse Response, DateTimeOffset KeptAt);
}
