using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrgRestructure.EventStore.Sqlite;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;
using RabbitMQ.Client;

namespace OrgRestructure.Messaging.Tests.Health;

[Collection(RabbitMqCollection.Name)]
public sealed class ConsumerLossTests
{
    [Fact]
    public async Task consumer_cancelled_by_the_broker_is_detected_as_unhealthy_and_recovered_by_a_bus_restart()
    {
        var rabbit = await (await RabbitMqServer.GetAsync()).CreateVirtualHostAsync("lost");
        using var temp = new TempDirectory();
        var store = new SqliteEventStore(temp.File("orgrestructure.db"));
        await store.MigrateAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        await using var node = await MessagingNode.StartAsync(store, rabbit, people, o => o.SqlitePath = store.Path);
        await kase.LaunchAsync();
        await kase.RunNextStepAsync();
        await CaseNotifications.WaitForAsync(node, kase);

        // The broker cancels the endpoint's consumer (as consumer_timeout or a deleted queue does).
        await using (var connection = await new ConnectionFactory { Uri = rabbit }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeleteAsync(node.Services.GetOptions().NotificationQueue);
        }

        await Eventually.UntilAsync(() => Task.FromResult(node.Bus.UnhealthyTransitions >= 1), () => "unhealthy after losing the consumer: " + node.Describe());
        await Eventually.UntilAsync(async () => await node.HealthAsync() == HealthStatus.Healthy, () => "healthy again: " + node.Describe(), TimeSpan.FromMinutes(2));
        while (!kase.Finished)
        {
            await kase.RunNextStepAsync();
        }

        await CaseNotifications.WaitForAsync(node, kase);
        CaseNotifications.AssertExactly(kase, await node.Feed.GetCaseNotificationsAsync(kase.CaseId));
        Assert.True(node.Bus.Restarts >= 1);
    }
}
