using System.Data.Common;

namespace OrgRestructure.EventStore.Storage;

/// <summary>
/// An open connection with a write transaction and, on SQLite, the file's writer-gate lease; disposing
/// (once or more) rolls back unless committed and lets the next writer in.
/// </summary>
public sealed class WriteScope : IAsyncDisposable
{
    private readonly IDisposable? _writerLock;
    private int _disposed;

    public WriteScope(DbConnection connection, DbTransaction transaction, EventStoreBackend backend, IDisposable? writerLock)
    {
        Connection = connection;
        Transaction = transaction;
        Backend = backend;
        _writerLock = writerLock;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public EventStoreBackend Backend { get; }

    /// <summary>A command bound to this scope's connection and transaction.</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command;
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Once only: after the first the connection is back in the pool, and Npgsql hands the same
        // transaction object to its next user, whose transaction a second dispose would roll back.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            _writerLock?.Dispose();
        }
    }
}
