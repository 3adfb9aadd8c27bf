using System.Collections.Concurrent;
using OrgRestructure.Messaging.Storage;

namespace OrgRestructure.Messaging.Relay;

/// <summary>How far a relay got in the global log. Advanced only after the broker confirmed the publish.</summary>
public interface IRelayCheckpointStore
{
    Task<long> GetAsync(string name, CancellationToken cancellationToken = default);

    Task SaveAsync(string name, long position, CancellationToken cancellationToken = default);
}

/// <summary>Checkpoints in the messaging_checkpoints table of the event store's database (SQLite or PostgreSQL).</summary>
public sealed class SqlRelayCheckpointStore(MessagingDatabase database, TimeProvider? clock = null) : IRelayCheckpointStore
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<long> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var value = await MessagingDatabase.ScalarAsync(connection, null, "SELECT position FROM messaging_checkpoints WHERE name = @name", cancellationToken, ("@name", name));
        return value is null ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task SaveAsync(string name, long position, CancellationToken cancellationToken = default)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await MessagingDatabase.ExecuteAsync(
            write,
            """
            INSERT INTO messaging_checkpoints (name, position, updated_ms) VALUES (@name, @position, @now)
            ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_ms = excluded.updated_ms
            """,
            cancellationToken,
            ("@name", name),
            ("@position", position),
            ("@now", _clock.GetUtcNow().ToUnixTimeMilliseconds()));
        await write.CommitAsync(cancellationToken);
    }
}

/// <summary>Checkpoints kept in memory: for the in-memory event store, which forgets everything at exit too.</summary>
public sealed class InMemoryRelayCheckpointStore : IRelayCheckpointStore
{
    private readonly ConcurrentDictionary<string, long> _positions = new(StringComparer.Ordinal);

    public Task<long> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_positions.TryGetValue(name, out var p) ? p : 0);

    public Task SaveAsync(string name, long position, CancellationToken cancellationToken = default)
    {
        _positions[name] = position;
        return Task.CompletedTask;
    }
}
