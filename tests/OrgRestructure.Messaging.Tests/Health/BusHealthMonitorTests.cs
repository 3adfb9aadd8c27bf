using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Health;

[Collection(RabbitMqCollection.Name)]
public sealed class BusHealthMonitorTests
{
    [Fact]
    public async Task messaging_health_reports_a_stopped_broker_with_the_reason_and_is_healthy_again_by_itself_once_it_is_back()
    {
        var server = await RabbitMqServer.GetAsync();
        var rabbit = await server.CreateVirtualHostAsync("monitor");
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        await using var node = await MessagingNode.StartAsync(store, rabbit, people, o => o.SqlitePath = store.Path);
        await Eventually.UntilAsync(async () => await node.HealthAsync() == HealthStatus.Healthy, "healthy with the broker up");

        await server.StopAsync();
        string reasonWhileStopped;
        try
        {
            await Eventually.UntilAsync(async () => await node.HealthAsync() == HealthStatus.Unhealthy, "unhealthy with the broker stopped");
            reasonWhileStopped = node.Bus.Description;
        }
        finally
        {
            await server.StartAsync();
        }

        await Eventually.UntilAsync(async () => await node.HealthAsync() == HealthStatus.Healthy, "healthy again once the broker is back", TimeSpan.FromMinutes(2));
        Assert.Matches("^(bus|probe|no consumer)", reasonWhileStopped);
        Assert.Null(node.Bus.UnhealthySince);

        // Recovered, not just reported: a case's notifications flow again through the same bus.
        var kase = new SevenStepCase(store, people);
        await kase.LaunchAsync();
        await CaseNotifications.WaitForAsync(node, kase, TimeSpan.FromMinutes(1));
    }
}
