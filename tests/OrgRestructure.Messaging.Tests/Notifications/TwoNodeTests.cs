using OrgRestructure.EventStore.Postgres;
using OrgRestructure.Messaging.Email;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Notifications;

[Collection(RabbitMqCollection.Name)]
public sealed class TwoNodeTests
{
    [Fact]
    public async Task two_nodes_on_one_rabbitmq_and_postgresql_deliver_each_notification_and_email_once_in_total_even_when_the_relay_leader_stops()
    {
        var rabbit = await (await RabbitMqServer.GetAsync()).CreateVirtualHostAsync("twonodes");
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("twonodes");
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var commands = new PostgresEventStore(database);
        await commands.MigrateAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(commands, people);
        var stores = new List<PostgresEventStore>();
        async Task<MessagingNode> StartNodeAsync()
        {
            // Each node has its own store instance and connections, as separate processes would.
            var store = new PostgresEventStore(database);
            stores.Add(store);
            return await MessagingNode.StartAsync(store, rabbit, people, o =>
            {
                o.PostgresConnectionString = database;
                o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, PollInterval = TimeSpan.FromMilliseconds(200) };
            });
        }

        var nodes = new List<MessagingNode> { await StartNodeAsync(), await StartNodeAsync() };
        try
        {
            await kase.LaunchAsync();
            await kase.RunNextStepAsync();
            await kase.RunNextStepAsync();
            await kase.RunNextStepAsync();
            await Eventually.UntilAsync(() => nodes.Count(n => n.Relay.IsLeader) == 1, "one relay leader");
            await CaseNotifications.WaitForRelayAsync(commands, () => nodes.Max(n => n.Relay.Position));

            var leader = nodes.Single(n => n.Relay.IsLeader);
            nodes.Remove(leader);
            await leader.DisposeAsync();
            nodes.Add(await StartNodeAsync());
            while (!kase.Finished)
            {
                await kase.RunNextStepAsync();
            }

            await CaseNotifications.WaitForAsync(nodes[0].Feed, kase, TimeSpan.FromMinutes(2));
            await CaseNotifications.WaitForRelayAsync(commands, () => nodes.Max(n => n.Relay.Position));
            await Eventually.UntilAsync(async () => (await nodes[0].Emails.CountAsync()).Pending == 0 && smtp.Messages().Count >= kase.Expected.Count, "every e-mail sent");

            CaseNotifications.AssertExactly(kase, await nodes[1].Feed.GetCaseNotificationsAsync(kase.CaseId));
            Assert.Equal(kase.Expected.Count, smtp.Messages().Count);
            Assert.Equal(1, nodes.Count(n => n.Relay.IsLeader));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
