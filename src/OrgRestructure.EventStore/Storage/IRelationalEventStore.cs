using System.Data.Common;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Storage;

/// <summary>
/// An <see cref="IEventStore"/> kept in a relational database (PostgreSQL or SQLite). Projections,
/// the migrator and the daemon use the same database, so a projection's writes and its checkpoint
/// can commit in one transaction.
/// </summary>
public interface IRelationalEventStore : IEventStore
{
    EventStoreBackend Backend { get; }

    /// <summary>A human-readable description of where the events live (no password).</summary>
    string Description { get; }

    /// <summary>An open connection to the store's database; the caller disposes it.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Begins a write transaction. On SQLite this also takes the process-wide writer lock, released
    /// when the returned scope is disposed, so it never deadlocks with appends.
    /// </summary>
    Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends in the caller's write transaction, with the inline projections; nothing is stored
    /// unless the caller commits, so a change to another table and the event recording it commit or
    /// roll back together. The stream is locked until the scope ends. No command id (see
    /// <see cref="EventRows.ValidateInScope"/>).
    /// </summary>
    Task<AppendResult> AppendAsync(WriteScope scope, AppendRequest request, CancellationToken cancellationToken = default);

    /// <summary>Applies the schema migrations this build knows and that the database lacks.</summary>
    Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default);
}

/// <summary>A migration applied by <see cref="IRelationalEventStore.MigrateAsync"/>.</summary>
public sealed record AppliedMigration(int Version, string Name);
