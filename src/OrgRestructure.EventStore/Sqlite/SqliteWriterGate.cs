using System.Collections.Concurrent;

namespace OrgRestructure.EventStore.Sqlite;

/// <summary>
/// SQLite takes one writer at a time. Writers of one process that raced for the file would each be
/// put to sleep by SQLite's busy handler (1, 2, 5 … 100 ms, growing with every retry) even though
/// the lock is free again within a millisecond; queued on one gate per file they follow each other
/// at once, in arrival order. Every writer in the process — appends, projections, messaging,
/// shared state — takes the gate of its file before BEGIN IMMEDIATE. Other processes still wait on
/// SQLite's own lock.
/// </summary>
public static class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the database file at <paramref name="path"/> (relative paths are resolved first, so every spelling of one file shares it).</summary>
    public static SemaphoreSlim For(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Gates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>Waits for <paramref name="gate"/>; disposing the lease (once or more) lets the next writer in.</summary>
    public static async Task<IDisposable> EnterAsync(SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        await gate.WaitAsync(cancellationToken);
        return new Lease(gate);
    }

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
