using System.Collections.Concurrent;

namespace OrgRestructure.EventStore.Sqlite;

/// <summary>Who is waiting on a write: a person (a command, a sign-in, marking a notice read) or the server's own background work.</summary>
public enum WritePriority
{
    /// <summary>Someone is waiting on the answer: goes before every background writer that is queued.</summary>
    Interactive,

    /// <summary>Notification consumers, the relay's checkpoint, the e-mail outbox: nobody waits on the page for them.</summary>
    Background,
}

/// <summary>
/// SQLite takes one writer at a time. Writers of one process that raced for the file would each be
/// put to sleep by SQLite's busy handler (1, 2, 5 … 100 ms, growing with every retry) even though
/// the lock is free again within a millisecond; queued on one gate per file they follow each other
/// at once. Every writer in the process — appends, projections, messaging, shared state — takes the
/// gate of its file before BEGIN IMMEDIATE. Interactive writers go first, in arrival order, then
/// background ones: after a completion the relay hands the consumers a burst of integration events,
/// each its own transaction, and a clerk's next command queued behind that burst waited 50–80 ms
/// for writes that hold nobody up. Other processes still wait on SQLite's own lock.
/// </summary>
public sealed class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriterGate> Gates = new(StringComparer.Ordinal);

    private readonly Lock _lock = new();
    private readonly Queue<Waiter> _interactive = new();
    private readonly Queue<Waiter> _background = new();
    private bool _held;

    /// <summary>The gate of the database file at <paramref name="path"/> (relative paths are resolved first, so every spelling of one file shares it).</summary>
    public static SqliteWriterGate For(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Gates.GetOrAdd(Path.GetFullPath(path), _ => new SqliteWriterGate());
    }

    /// <summary>Waits for the gate; disposing the lease (once or more) lets the next writer in.</summary>
    public Task<IDisposable> EnterAsync(WritePriority priority, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.FromResult<IDisposable>(new Lease(this));
            }

            var waiter = new Waiter(this, cancellationToken);
            (priority == WritePriority.Interactive ? _interactive : _background).Enqueue(waiter);
            return waiter.Task;
        }
    }

    /// <summary>Hands the gate to the first live waiter (interactive before background), else opens it.</summary>
    private void Release()
    {
        while (true)
        {
            Waiter? next;
            lock (_lock)
            {
                if (!_interactive.TryDequeue(out next) && !_background.TryDequeue(out next))
                {
                    _held = false;
                    return;
                }
            }

            // A waiter whose caller gave up has already completed as cancelled: pass it by.
            if (next.TryGrant())
            {
                return;
            }
        }
    }

    private sealed class Waiter
    {
        private readonly TaskCompletionSource<IDisposable> _granted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SqliteWriterGate _gate;
        private readonly CancellationTokenRegistration _cancellation;

        public Waiter(SqliteWriterGate gate, CancellationToken cancellationToken)
        {
            _gate = gate;
            _cancellation = cancellationToken.CanBeCanceled
                ? cancellationToken.Register(static state => ((Waiter)state!).Cancel(), this)
                : default;
        }

        public Task<IDisposable> Task => _granted.Task;

        public bool TryGrant()
        {
            var granted = _granted.TrySetResult(new Lease(_gate));
            _cancellation.Dispose();
            return granted;
        }

        private void Cancel() => _granted.TrySetCanceled();
    }

    private sealed class Lease(SqliteWriterGate gate) : IDisposable
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
