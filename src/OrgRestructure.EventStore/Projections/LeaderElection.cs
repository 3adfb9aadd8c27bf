using System.Data.Common;
using Npgsql;
using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.EventStore.Projections;

/// <summary>Decides which node runs the async projections.</summary>
public interface ILeaderElection : IAsyncDisposable
{
    /// <summary>True while this node leads; acquires leadership when it is free.</summary>
    Task<bool> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>Creates the election that fits the store's back end.</summary>
    static ILeaderElection For(IRelationalEventStore store) => store switch
    {
        PostgresEventStore postgres => new PostgresAdvisoryLockLeader(postgres.DataSource),
        _ => new SingleProcessLeader(),
    };
}

/// <summary>SQLite is embedded: its one process leads. (A second process is still kept correct by the checkpoint guard.)</summary>
public sealed class SingleProcessLeader : ILeaderElection
{
    public Task<bool> TryAcquireAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// Leadership is a session-level <c>pg_try_advisory_lock</c> held on a dedicated connection: it
/// ends when this node releases it, its connection breaks or its process dies.
/// </summary>
public sealed class PostgresAdvisoryLockLeader(NpgsqlDataSource dataSource, long lockKey = PostgresAdvisoryLockLeader.DefaultKey) : ILeaderElection
{
    public const long DefaultKey = 7305002;
    private DbConnection? _connection;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            try
            {
                await using var ping = _connection.CreateCommand("SELECT 1");
                await ping.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                await ReleaseAsync();
            }
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT pg_try_advisory_lock(@key)");
        if (await command.With("key", lockKey).ExecuteScalarAsync(cancellationToken) is true)
        {
            _connection = connection;
            return true;
        }

        await connection.DisposeAsync();
        return false;
    }

    public ValueTask DisposeAsync() => ReleaseAsync();

    private async ValueTask ReleaseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                // A pooled connection is only reset when next used, so let go explicitly.
                await using var unlock = connection.CreateCommand("SELECT pg_advisory_unlock(@key)");
                await unlock.With("key", lockKey).ExecuteScalarAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The session is gone, and with it the lock.
            }

            await connection.DisposeAsync();
        }
    }
}
