using OrgRestructure.EventStore.Hashing;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.InMemory;

/// <summary>
/// The store for unit tests of code that only needs <see cref="IEventStore"/> (the engine,
/// the relay). Same semantics as the durable back ends, nothing persisted.
/// </summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredEvent> _all = [];
    private readonly Dictionary<string, List<StoredEvent>> _streams = new(StringComparer.Ordinal);
    private readonly List<string> _streamOrder = [];
    private readonly Dictionary<(string Stream, string Command), AppendResult> _commands = [];
    private readonly TimeProvider _clock;

    public InMemoryEventStore(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        Storage.EventRows.Validate(request);
        Storage.EventRows.ValidateJson(request);

        lock (_gate)
        {
            if (request.CommandId is { } commandId && _commands.TryGetValue((request.StreamId, commandId), out var first))
            {
                return Task.FromResult(first with { WasDuplicate = true });
            }

            _streams.TryGetValue(request.StreamId, out var stream);
            var current = stream?.Count ?? 0;
            if (request.ExpectedVersion != AppendRequest.Any && request.ExpectedVersion != current)
            {
                throw new ConcurrencyException(request.StreamId, request.ExpectedVersion, current);
            }

            if (stream is null)
            {
                stream = [];
                _streams[request.StreamId] = stream;
                _streamOrder.Add(request.StreamId);
            }

            var now = EventHasher.NormalizeTimestamp(_clock.GetUtcNow());
            var previous = stream.Count == 0 ? EventHasher.GenesisHash : stream[^1].Hash;
            var appended = new List<StoredEvent>(request.Events.Count);
            foreach (var e in request.Events)
            {
                var draft = new StoredEvent(
                    e.EventId ?? Guid.NewGuid(),
                    request.StreamId,
                    stream.Count + appended.Count + 1,
                    _all.Count + appended.Count + 1,
                    e.Type,
                    e.Data,
                    now,
                    request.Metadata.Actor,
                    request.Metadata.ActorRole,
                    request.Metadata.CorrelationId,
                    request.Metadata.CausationId,
                    request.CommandId,
                    previous,
                    string.Empty);
                var stored = draft with { Hash = EventHasher.Compute(draft) };
                appended.Add(stored);
                previous = stored.Hash;
            }

            stream.AddRange(appended);
            _all.AddRange(appended);
            var result = new AppendResult(request.StreamId, current + 1, stream.Count, false, appended);
            if (request.CommandId is { } id)
            {
                _commands[(request.StreamId, id)] = result;
            }

            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, StreamRange? range = null, CancellationToken cancellationToken = default)
    {
        var r = range ?? StreamRange.All;
        lock (_gate)
        {
            IReadOnlyList<StoredEvent> events = _streams.TryGetValue(streamId, out var stream)
                ? stream.Where(r.Includes).ToList()
                : [];
            return Task.FromResult(events);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredEvent> events = _all.Where(e => e.GlobalPosition > afterPosition).Take(maxCount).ToList();
            return Task.FromResult(events);
        }
    }

    public IAsyncEnumerable<StoredEvent> ScanAllAsync(long afterPosition, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _all.Where(e => e.GlobalPosition > afterPosition).ToList().ToAsyncEnumerable();
        }
    }

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult((long)(_streams.TryGetValue(streamId, out var s) ? s.Count : 0));
        }
    }

    public Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ids = _streamOrder.ToList();
            return Task.FromResult(ids);
        }
    }
}
