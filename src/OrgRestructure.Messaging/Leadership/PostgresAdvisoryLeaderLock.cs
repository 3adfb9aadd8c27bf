using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace OrgRestructure.Messaging.Leadership;

/// <summary>
/// A session-level PostgreSQL advisory lock held on a dedicated connection: if the node dies or
/// its connection drops, PostgreSQL releases the lock and another node takes over.
/// </summary>
public sealed class PostgresAdvisoryLeaderLock(string connectionString) : ILeaderLock
{
    public async Task<ILeaderLease?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", KeyOf(name));
            var acquired = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (acquired)
            {
                return new Lease(connection);
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

    private sealed class Lease(NpgsqlConnection connection) : ILeaderLease
    {
        public async Task<bool> IsHeldAsync(CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (NpgsqlException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        // Closing the session releases the advisory lock.
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
