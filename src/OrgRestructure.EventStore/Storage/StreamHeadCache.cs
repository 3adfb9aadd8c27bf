using System.Collections.Concurrent;

namespace OrgRestructure.EventStore.Storage;

/// <summary>
/// Last committed (version, hash) seen per stream. An event at a given version never changes once
/// committed, so a stale entry is harmless: the unique (stream, version) constraint rejects the
/// append and the store reads the head again. A hit saves one round trip per append.
/// </summary>
internal sealed class StreamHeadCache
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, (long Version, string Hash)> _heads = new(StringComparer.Ordinal);

    public bool TryGet(string streamId, out (long Version, string Hash) head) => _heads.TryGetValue(streamId, out head);

    public void Set(string streamId, long version, string hash)
    {
        if (_heads.Count >= Capacity)
        {
            _heads.Clear();
        }

        _heads.AddOrUpdate(streamId, (version, hash), (_, old) => old.Version >= version ? old : (version, hash));
    }

    public void Forget(string streamId) => _heads.TryRemove(streamId, out _);
}
