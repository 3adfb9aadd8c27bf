using System.Net;
using OrgRestructure.Hosting.Health;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task health_is_200_with_sqlite_and_the_in_memory_bus_in_the_embedded_default()
    {
        using var server = new HealthServer();

        var health = await server.GetAsync();

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", health.Json.GetProperty("status").GetString());
        Assert.Equal("SQLite", health.Backend(HealthExtensions.EventStoreCheck));
        Assert.Equal("in-memory", health.Backend(HealthExtensions.BusCheck));
        Assert.Empty(health.Unhealthy);
    }

    [Fact]
    public async Task health_reports_postgresql_and_rabbitmq_healthy_when_both_are_configured()
    {
        var postgres = await PostgresServer.GetAsync();
        var rabbitMq = await RabbitMqServer.GetAsync();
        using var server = new HealthServer(await postgres.CreateDatabaseAsync("health"), await rabbitMq.CreateVirtualHostAsync("health"));

        var health = await server.WaitForAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("PostgreSQL", health.Backend(HealthExtensions.EventStoreCheck));
        Assert.Equal("Healthy", health.CheckStatus(HealthExtensions.EventStoreCheck));
        Assert.Equal("RabbitMQ", health.Backend(HealthExtensions.BusCheck));
        Assert.Equal("Healthy", health.CheckStatus(HealthExtensions.BusCheck));
    }

    [Fact]
    public async Task health_is_503_naming_rabbitmq_while_it_is_stopped_and_200_again_once_it_is_back()
    {
        var postgres = await PostgresServer.GetAsync();
        var rabbitMq = await RabbitMqServer.StartDedicatedAsync();
        try
        {
            using var server = new HealthServer(await postgres.CreateDatabaseAsync("rabbit_outage"), await rabbitMq.CreateVirtualHostAsync("outage"));
            Assert.Equal(HttpStatusCode.OK, (await server.WaitForAsync(HttpStatusCode.OK)).Status);

            await rabbitMq.StopAsync();
            var down = await server.WaitForAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
            Assert.Contains(HealthExtensions.BusCheck, down.Unhealthy);
            Assert.DoesNotContain(HealthExtensions.EventStoreCheck, down.Unhealthy);
            Assert.Contains("RabbitMQ", down.Check(HealthExtensions.BusCheck).GetProperty("description").GetString(), StringComparison.Ordinal);

            await rabbitMq.StartAsync();
            var back = await server.WaitForAsync(HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.OK, back.Status);
            Assert.Empty(back.Unhealthy);
        }
        finally
        {
            await rabbitMq.StopAsync();
        }
    }

    [Fact]
    public async Task health_is_503_naming_postgresql_while_it_is_stopped_and_200_again_once_it_is_back()
    {
        var postgres = await PostgresServer.StartDedicatedAsync();
        try
        {
            using var server = new HealthServer(await postgres.CreateDatabaseAsync("pg_outage"));
            Assert.Equal(HttpStatusCode.OK, (await server.WaitForAsync(HttpStatusCode.OK)).Status);

            await postgres.StopAsync();
            var down = await server.WaitForAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
            Assert.Equal([HealthExtensions.EventStoreCheck], down.Unhealthy);
            Assert.Contains("PostgreSQL", down.Check(HealthExtensions.EventStoreCheck).GetProperty("description").GetString(), StringComparison.Ordinal);

            await postgres.StartAsync();
            Assert.Equal(HttpStatusCode.OK, (await server.WaitForAsync(HttpStatusCode.OK)).Status);
        }
        finally
        {
            await postgres.StopAsync();
        }
    }

    [Fact]
    public async Task liveness_stays_200_while_a_dependency_is_unreachable()
    {
        using var server = new HealthServer(rabbitMq: new Uri($"amqp://guest:guest@127.0.0.1:{FreeTcpPort.Next()}/"));

        var health = await server.GetAsync();
        var live = await server.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        // The broker is named by every check that depends on it (the bus probe, MassTransit's and messaging's); the event store stays healthy.
        Assert.Contains(HealthExtensions.BusCheck, health.Unhealthy);
        Assert.DoesNotContain(HealthExtensions.EventStoreCheck, health.Unhealthy);
        Assert.Equal(HttpStatusCode.OK, live.Status);
    }
}
