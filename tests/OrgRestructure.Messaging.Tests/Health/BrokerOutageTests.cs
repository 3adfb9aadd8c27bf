using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Health;

[Collection(RabbitMqCollection.Name)]
public sealed class BrokerOutageTests
{
    // Long enough for heartbeats to lapse, publishes to time out and MassTransit's reconnect
    // back-off to grow while the broker is away.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task broker_stopped_during_a_case_commands_still_commit_then_every_notification_arrives_once_and_health_recovers()
    {
        var server = await RabbitMqServer.GetAsync();
        var rabbit = await server.CreateVirtualHostAsync("outage");
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        await using var node = await MessagingNode.StartAsync(store, rabbit, people, o =>
        {
            o.SqlitePath = store.Path;
        });
        await Eventually.UntilAsync(async () => await node.HealthAsync() == HealthStatus.Healthy, "healthy before the outage");

        await kase.LaunchAsync();
        await kase.RunNextStepAsync();
        await kase.RunNextStepAsync();
        await CaseNotifications.WaitForAsync(node.Feed, kase);

        var stoppedAt = DateTime.UtcNow;
        await server.StopAsync();
        try
        {
            var versionBefore = await store.GetStreamVersionAsync(kase.StreamId);
            while (!kase.Finished)
            {
                await kase.RunNextStepAsync();
            }

            Assert.True(await store.GetStreamVersionAsync(kase.StreamId) > versionBefore);
            await Eventually.UntilAsync(async () => await node.HealthAsync() == HealthStatus.Unhealthy, "unhealthy during the outage");
            var rest = Outage - (DateTime.UtcNow - stoppedAt);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }
        finally
        {
            await server.StartAsync();
        }

        var items = await CaseNotifications.WaitForAsync(node, kase, TimeSpan.FromMinutes(3));
        await CaseNotifications.WaitForRelayAsync(store, () => node.Relay.Position);
        await Eventually.UntilAsync(async () => await node.HealthAsync() == HealthStatus.Healthy, "healthy after the outage", TimeSpan.FromMinutes(2));
        CaseNotifications.AssertExactly(kase, await node.Feed.GetCaseNotificationsAsync(kase.CaseId));
        Assert.True(node.Bus.UnhealthyTransitions >= 1);
        Assert.NotEmpty(items);
    }
}
