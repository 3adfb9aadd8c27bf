using OrgRestructure.Messaging.ErrorQueues;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Notifications;

[Collection(RabbitMqCollection.Name)]
public sealed class ErrorQueueTests
{
    [Fact]
    public async Task message_failing_every_retry_lands_in_the_error_queue_and_an_operator_retry_delivers_it_once()
    {
        var rabbit = await (await RabbitMqServer.GetAsync()).CreateVirtualHostAsync("errors");
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var directory = new SwitchableDirectory(people) { Down = true };
        var kase = new SevenStepCase(store, people);
        await using var node = await MessagingNode.StartAsync(store, rabbit, directory, o =>
        {
            o.SqlitePath = store.Path;
            o.RetryLimit = 2;
        });
        var client = new ErrorQueueClient(rabbit);
        var errorQueue = node.Services.GetOptions().NotificationQueue + ErrorQueueClient.Suffix;

        await kase.LaunchAsync();
        await Eventually.UntilAsync(async () => (await client.ListAsync(errorQueue)).Count >= 1, "the slate task's message in the error queue");
        await CaseNotifications.WaitForRelayAsync(store, () => node.Relay.Position);

        var poisoned = Assert.Single(await client.ListAsync(errorQueue));
        Assert.Contains("participant directory unavailable", poisoned.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal("OrgRestructure.Contracts:TaskAssigned", poisoned.MessageType);
        Assert.Empty(await node.Feed.GetCaseNotificationsAsync(kase.CaseId));

        directory.Down = false;
        Assert.Equal(0, await client.RetryAsync(errorQueue, Guid.NewGuid().ToString()));
        Assert.Equal(1, await client.RetryAsync(errorQueue, poisoned.MessageId));
        Assert.Equal(0, await client.RetryAsync(errorQueue));

        await CaseNotifications.WaitForAsync(node.Feed, kase);
        CaseNotifications.AssertExactly(kase, await node.Feed.GetCaseNotificationsAsync(kase.CaseId));
        Assert.Empty(await client.ListAsync(errorQueue));
    }
}
