using RabbitMQ.Client;

namespace OrgRestructure.Messaging.Health;

/// <summary>
/// Asks RabbitMQ directly (passive queue declare) how many consumers each queue has: a queue with
/// none means every node's endpoint lost its consumer, which MassTransit's own health may not see.
/// </summary>
public sealed class QueueConsumerProbe(Uri rabbitMqUri) : IAsyncDisposable
{
    /// <summary>
    /// Every call to the broker is bounded: the health monitor calls this from its only loop,
    /// and a connect or close that waits on a dead socket would stop the monitor itself.
    /// </summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IReadOnlyList<string>> QueuesWithoutConsumersAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var idle = new List<string>();
            foreach (var queue in queues)
            {
                try
                {
                    var ok = await WithChannelAsync((channel, ct) => channel.QueueDeclarePassiveAsync(queue, ct), cancellationToken);
                    if (ok.ConsumerCount == 0)
                    {
                        idle.Add(queue);
                    }
                }
#pragma warning disable CA1031 // Broker unreachable or queue missing: both mean nobody consumes it.
                catch (Exception)
#pragma warning restore CA1031
                {
                    idle.Add(queue);
                    await DropConnectionAsync();
                }
            }

            return idle;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs one call on a fresh channel of the cached connection, all of it within <see cref="CallTimeout"/>.</summary>
    private async Task<T> WithChannelAsync<T>(Func<IChannel, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        var connection = await EnsureConnectedAsync(timeout.Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: timeout.Token).WaitAsync(timeout.Token);
        return await call(channel, timeout.Token).WaitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync();
        _gate.Dispose();
    }

    private async Task<IConnection> EnsureConnectedAsync(CancellationToken cancellationToken) =>
        _connection ??= await new ConnectionFactory
        {
            Uri = rabbitMqUri,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "orgrestructure-health",
            RequestedConnectionTimeout = CallTimeout,
            ContinuationTimeout = CallTimeout,
            HandshakeContinuationTimeout = CallTimeout,
            SocketReadTimeout = CallTimeout,
            SocketWriteTimeout = CallTimeout,
        }.CreateConnectionAsync(cancellationToken).WaitAsync(cancellationToken);

    private async Task DropConnectionAsync()
    {
        if (_connection is { } c)
        {
            _connection = null;
            try
            {
                // Abort, not close: a close handshake with a broker that is gone waits for an answer.
                await c.AbortAsync(CallTimeout).WaitAsync(CallTimeout * 2);
                await c.DisposeAsync().AsTask().WaitAsync(CallTimeout);
            }
#pragma warning disable CA1031 // Closing a dead connection may throw; it is gone either way.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
