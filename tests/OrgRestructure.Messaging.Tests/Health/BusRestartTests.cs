using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Health;

[Collection(RabbitMqCollection.Name)]
public sealed class BusRestartTests
{
    [Fact]
    public async Task the_watchdogs_remedy_a_bus_restart_while_connected_brings_every_consumer_back()
    {
        var server = await RabbitMqServer.GetAsync();
        var rabbit = await server.CreateVirtualHostAsync("restart");
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        await using var node = await MessagingNode.StartAsync(store, rabbit, people, o => o.SqlitePath = store.Path);
        await Eventually.UntilAsync(() => node.Bus.LastProbeReceivedAt is not null, "a first probe round trip");

        var bus = node.Services.GetRequiredService<IBusControl>();
        await bus.StopAsync();
        await bus.StartAsync();

        await kase.LaunchAsync();
        while (!kase.Finished)
        {
            await kase.RunNextStepAsync();
        }

        await CaseNotifications.WaitForAsync(node, kase, TimeSpan.FromMinutes(1));
    }
}
