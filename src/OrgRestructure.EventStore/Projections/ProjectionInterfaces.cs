using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Projections;

/// <summary>A projection that keeps tables of its own; created when the store migrates.</summary>
public interface IProjectionSchema
{
    /// <summary>Creates the projection's tables if missing (runs in the migration transaction).</summary>
    Task InitializeAsync(WriteScope scope, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Runs inside every append's transaction, after the events are inserted: its writes commit or roll
/// back with the events. An exception fails the append.
/// </summary>
public interface IInlineProjection : IProjectionSchema
{
    Task ApplyAsync(WriteScope scope, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// Run by <see cref="ProjectionDaemon"/> in global order. Each batch is applied in a transaction on the
/// store's database that also advances the projection's checkpoint, so a projection whose writes go
/// to that database sees every committed event exactly once, across crashes and leader changes.
/// </summary>
public interface IAsyncProjection : IProjectionSchema
{
    /// <summary>Stable name: the checkpoint's key.</summary>
    string Name { get; }

    Task ApplyAsync(WriteScope scope, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>Removes everything the projection wrote, before a rebuild from position 0.</summary>
    Task ResetAsync(WriteScope scope, CancellationToken cancellationToken);
}
