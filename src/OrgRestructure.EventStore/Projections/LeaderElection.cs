using Npgsql;
using OrgRestructure.EventStore.Leadership;
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
/// Leadership is a session-level advisory lock (<see cref="PostgresAdvisoryLeaderLock"/>, the
/// same lock the outbox relay and deadline scheduler use, under its own name): it ends when this
/// node releases it, its connection breaks or its process dies.
/// </summary>
public sealed class PostgresAdvisoryLockLeader(NpgsqlDataSource dataSource, string lockName = PostgresAdvisoryLockLeader.LockName) : ILeaderElection
{
    public const string LockName = "projection-daemon";
    private readonly PostgresAdvisoryLeaderLock _locks = new(dataSource);
    private ILeaderLease? _lease;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (_lease is not null)
        {
            if (await _lease.IsHeldAsync(cancellationToken))
            {
                return true;
            }

            await ReleaseAsync();
        }

        _lease = await _locks.TryAcquireAsync(lockName, cancellationToken);
        return _lease is not null;
    }

    public ValueTask DisposeAsync() => ReleaseAsync();

    private async ValueTask ReleaseAsync()
    {
        if (_lease is { } lease)
        {
            _lease = null;
            await lease.DisposeAsync();
        }
    }
}
