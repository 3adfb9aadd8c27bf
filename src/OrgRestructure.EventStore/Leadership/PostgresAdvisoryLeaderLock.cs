using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace OrgRestructure.EventStore.Leadership;

/// <summary>
/// A session-level PostgreSQL advisory lock held on a dedicated connection: if the node dies or
/// its connection drops, PostgreSQL releases the lock and another node takes over.
/// </summary>
public sealed class PostgresAdvisoryLeaderLock : ILeaderLock
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Locks on connections of <paramref name="dataSource"/> (pooled or not: a lease unlocks explicitly).</summary>
    public PostgresAdvisoryLeaderLock(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Locks on unpooled connections of their own, so a dropped lease ends its session at once.</summary>
    public PostgresAdvisoryLeaderLock(string connectionString)
        : this(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }))
    {
    }

    public async Task<ILeaderLease?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(name);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Lease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per lock name (the same on every node).</summary>
    public static long KeyOf(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("orgrestructure:" + name)), 0);

    private sealed class Lease(NpgsqlConnection connection, long key) : ILeaderLease
    {
        public async Task<bool> IsHeldAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                // A pooled connection keeps its session (and the lock) when returned: let go explicitly.
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", key);
                await unlock.ExecuteScalarAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The session is gone, and with it the lock.
            }

            await connection.DisposeAsync();
        }
    }
}
