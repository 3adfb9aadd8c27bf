using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Health;

[Collection(RabbitMqCollection.Name)]
public sealed class ConsumerTimeoutTests
{
    [Fact]
    public async Task an_endpoint_closed_by_rabbitmqs_consumer_timeout_recovers_and_every_notification_arrives_once()
    {
        // A broker of its own: the timeout is a node-wide setting.
        var server = await RabbitMqServer.StartDedicatedAsync();
        try
        {
            // 2 s instead of 30 min, checked every 200 ms instead of every minute; applies to channels opened from now on.
            await server.EvalAsync("application:set_env(rabbit, consumer_timeout, 2000), application:set_env(rabbit, channel_tick_interval, 200).");
            var rabbit = await server.CreateVirtualHostAsync("timeout");
            using var temp = new TempDirectory();
            var store = await temp.SqliteStoreAsync();
            var people = new InMemoryParticipantDirectory();
            var kase = new SevenStepCase(store, people);
            var stuck = new HoldFirstDelivery(TimeSpan.FromSeconds(6));
            await using var node = await MessagingNode.StartAsync(store, rabbit, people, o =>
            {
                o.SqlitePath = store.Path;
                o.ConfigureNotificationEndpoint = stuck.Configure;
            });

            await kase.LaunchAsync();
            while (!kase.Finished)
            {
                await kase.RunNextStepAsync();
            }

            await Eventually.UntilAsync(() => stuck.HeldMessage is { } held && stuck.DeliveriesOf(held) >= 2, "the broker taking the held delivery back and delivering it again", TimeSpan.FromMinutes(4));
            await CaseNotifications.WaitForAsync(node, kase, TimeSpan.FromMinutes(4));
            await CaseNotifications.WaitForRelayAsync(store, () => node.Relay.Position);
            await Eventually.UntilAsync(async () => await node.HealthAsync() == HealthStatus.Healthy, "healthy after the timeout", TimeSpan.FromMinutes(2));

            CaseNotifications.AssertExactly(kase, await node.Feed.GetCaseNotificationsAsync(kase.CaseId));
        }
        finally
        {
            await server.StopAsync();
        }
    }
}
