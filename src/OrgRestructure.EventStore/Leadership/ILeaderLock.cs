namespace OrgRestructure.EventStore.Leadership;

/// <summary>
/// Leadership for work that must run on one node at a time (the projection daemon, the outbox relay, the deadline scheduler).
/// A held lease is lost when its connection or process dies; <see cref="ILeaderLease.IsHeldAsync"/>
/// lets the holder notice and stop.
/// </summary>
public interface ILeaderLock
{
    /// <summary>Tries once; null when another node leads.</summary>
    Task<ILeaderLease?> TryAcquireAsync(string name, CancellationToken cancellationToken = default);
}

public interface ILeaderLease : IAsyncDisposable
{
    Task<bool> IsHeldAsync(CancellationToken cancellationToken = default);
}
