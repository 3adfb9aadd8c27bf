using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Tests.Support;

/// <summary>
/// Writes one row per delivered event into the store's database (no unique key, so a second
/// delivery would show up as a duplicate row rather than an error).
/// </summary>
internal sealed class CountingProjection(string name = "counting") : CountingProjectionBase(name);

/// <summary>The counting projection, open for subclasses that DI can construct without arguments.</summary>
internal class CountingProjectionBase(string name) : IAsyncProjection
{
    public string Name { get; } = name;

    private string Table => $"seen_{Name.Replace('-', '_')}";

    public async Task InitializeAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand($"CREATE TABLE IF NOT EXISTS {Table} (position bigint NOT NULL, event_id text NOT NULL)");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ApplyAsync(WriteScope scope, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            await using var command = scope.CreateCommand($"INSERT INTO {Table} (position, event_id) VALUES (@p, @e)");
            await command.With("p", e.GlobalPosition).With("e", e.EventId.ToString("D")).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task ResetAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand($"DELETE FROM {Table}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<List<(long Position, Guid EventId)>> SeenAsync(IRelationalEventStore store)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand($"SELECT position, event_id FROM {Table} ORDER BY position");
        await using var reader = await command.ExecuteReaderAsync();
        var seen = new List<(long, Guid)>();
        while (await reader.ReadAsync())
        {
            seen.Add((reader.GetInt64(0), Guid.Parse(reader.GetString(1))));
        }

        return seen;
    }
}
