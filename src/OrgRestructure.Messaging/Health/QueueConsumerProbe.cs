using RabbitMQ.Client;

namespace OrgRestructure.Messaging.Health;

/// <summary>
/// Asks RabbitMQ directly (passive queue declare) how many consumers each queue has: a queue with
/// none means every node's endpoint lost its consumer, which MassTransit's own health may not see.
/// </summary>
public sealed class QueueConsumerProbe(Uri rabbitMqUri) : IAsyncDisposable
{
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
                    var connection = await EnsureConnectedAsync(cancellationToken);
                    await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                    var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
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

    /// <summary>True when an AMQP connection to the broker can be made (or is open).</summary>
    public async Task<bool> BrokerReachableAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if ((await EnsureConnectedAsync(cancellationToken)).IsOpen)
            {
                return true;
            }

            await DropConnectionAsync();
            return false;
        }
#pragma warning disable CA1031 // Unreachable is an answer, not an error.
        catch (Exception)
#pragma warning restore CA1031
        {
            await DropConnectionAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync();
        _gate.Dispose();
    }

    private async Task<IConnection> EnsureConnectedAsync(CancellationToken cancellationToken) =>
        _connection ??= await new ConnectionFactory { Uri = rabbitMqUri, AutomaticRecoveryEnabled = false, ClientProvidedName = "orgrestructure-watchdog" }.CreateConnectionAsync(cancellationToken);

    private async Task DropConnectionAsync()
    {
        if (_connection is { } c)
        {
            _connection = null;
            try
            {
                await c.DisposeAsync();
            }
#pragma warning disable CA1031 // Closing a dead connection may throw; it is gone either way.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
