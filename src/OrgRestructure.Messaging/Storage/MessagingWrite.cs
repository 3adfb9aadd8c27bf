using System.Data.Common;

namespace OrgRestructure.Messaging.Storage;

/// <summary>
/// One write transaction on the messaging tables (see <see cref="MessagingDatabase.BeginWriteAsync"/>):
/// rolled back unless committed; disposing it closes the connection and lets the next writer in.
/// </summary>
public sealed class MessagingWrite : IAsyncDisposable
{
    private readonly SemaphoreSlim? _gate;
    private bool _disposed;

    internal MessagingWrite(DbConnection connection, DbTransaction transaction, SemaphoreSlim? gate)
    {
        Connection = connection;
        Transaction = transaction;
        _gate = gate;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        MessagingDatabase.ExecuteAsync(Connection, Transaction, sql, cancellationToken, parameters);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            _gate?.Release();
        }
    }
}
