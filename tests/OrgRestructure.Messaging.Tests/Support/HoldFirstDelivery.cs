using System.Collections.Concurrent;
using MassTransit;

namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>
/// Makes the notification endpoint sit on the first message it receives for longer than the
/// broker's consumer_timeout (a consumer stuck on slow I/O), and counts how often each message
/// was delivered: a second delivery of the held message proves the broker took it back.
/// </summary>
internal sealed class HoldFirstDelivery(TimeSpan hold)
{
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private int _held;

    public Guid? HeldMessage { get; private set; }

    public int DeliveriesOf(Guid messageId) => _deliveries.TryGetValue(messageId, out var n) ? n : 0;

    public void Configure(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseExecuteAsync(async context =>
        {
            if (context.MessageId is not { } id)
            {
                return;
            }

            _deliveries.AddOrUpdate(id, 1, (_, n) => n + 1);
            if (Interlocked.CompareExchange(ref _held, 1, 0) == 0)
            {
                HeldMessage = id;
                await Task.Delay(hold);
            }
        });
}
