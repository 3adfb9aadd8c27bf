using OrgRestructure.Messaging.Health;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Health;

[Collection(RabbitMqCollection.Name)]
public sealed class QueueConsumerProbeTests
{
    [Fact]
    public async Task a_queue_nobody_consumes_reads_idle_and_so_does_every_queue_while_the_broker_is_stopped()
    {
        var server = await RabbitMqServer.GetAsync();
        var rabbit = await server.CreateVirtualHostAsync("probe");
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        await using var node = await MessagingNode.StartAsync(store, rabbit, new InMemoryParticipantDirectory(), o => o.SqlitePath = store.Path);
        var consumed = node.Services.GetOptions().NotificationQueue;
        await using var probe = new QueueConsumerProbe(rabbit);
        await Eventually.UntilAsync(async () => (await probe.QueuesWithoutConsumersAsync([consumed], CancellationToken.None)).Count == 0, "the notification queue consumed");

        Assert.Equal(["no-such-queue"], await probe.QueuesWithoutConsumersAsync(["no-such-queue", consumed], CancellationToken.None));

        await server.StopAsync();
        IReadOnlyList<string> whileStopped;
        try
        {
            // A connection opened before the outage must not answer from a stale socket.
            whileStopped = await probe.QueuesWithoutConsumersAsync([consumed], CancellationToken.None);
        }
        finally
        {
            await server.StartAsync();
        }

        Assert.Equal([consumed], whileStopped);
    }
}
