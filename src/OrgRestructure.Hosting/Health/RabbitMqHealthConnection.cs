using RabbitMQ.Client;

namespace OrgRestructure.Hosting.Health;

/// <summary>
/// The one long-lived broker connection the RabbitMQ health check opens channels on (RabbitMQ
/// advises against a connection per check). It recovers by itself after an outage; while none
/// could be made yet, each check tries again, bounded by a short timeout.
/// </summary>
public sealed class RabbitMqHealthConnection(Uri uri) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetAsync()
    {
        if (_connection is { } open)
        {
            return open;
        }

        await _gate.WaitAsync();
        try
        {
            return _connection ??= await new ConnectionFactory
            {
                Uri = uri,
                AutomaticRecoveryEnabled = true,
                NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
                RequestedConnectionTimeout = Timeout,
                SocketReadTimeout = Timeout,
                SocketWriteTimeout = Timeout,
                ClientProvidedName = "orgrestructure-health",
            }.CreateConnectionAsync().WaitAsync(Timeout * 2);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
