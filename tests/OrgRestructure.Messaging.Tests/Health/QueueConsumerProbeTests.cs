using OrgRestructure.Messaging.Health;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Health;

[Collection(RabbitMqCollection.Name)]
public sealed class QueueConsumerProbeTests
{
    [Fact]
    public async Task the_broker_reads_unreachable_while_stopped_even_with_a_connection_opened_before_and_reachable_once_back()
    {
        var server = await RabbitMqServer.GetAsync();
        var rabbit = await server.CreateVirtualHostAsync("probe");
        await using var probe = new QueueConsumerProbe(rabbit);
        Assert.Equal(["no-such-queue"], await probe.QueuesWithoutConsumersAsync(["no-such-queue"], CancellationToken.None));
        Assert.True(await probe.BrokerReachableAsync(CancellationToken.None));

        await server.StopAsync();
        bool whileStopped;
        try
        {
            // The watchdog restarts endpoints only on "reachable": a stale cached connection must not say so.
            whileStopped = await probe.BrokerReachableAsync(CancellationToken.None);
        }
        finally
        {
            await server.StartAsync();
        }

        Assert.False(whileStopped);
        await Eventually.UntilAsync(() => probe.BrokerReachableAsync(CancellationToken.None), "reachable after the broker is back");
    }
}
