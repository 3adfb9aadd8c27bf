using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Journeys;

/// <summary>
/// The same three journeys in the production set-up: a real PostgreSQL 15 event store and a real
/// RabbitMQ carrying the notifications (one database and one virtual host per test).
/// </summary>
public sealed class ProductionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task<ServerHost> StartOnPostgresAndRabbitMqAsync()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("server");
        var rabbit = await RabbitMqServer.GetAsync();
        var virtualHost = await rabbit.CreateVirtualHostAsync("server");
        var host = await ServerHost.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:EventStore"] = database,
            ["ConnectionStrings:RabbitMq"] = virtualHost.ToString(),
        });
        Assert.Equal("PostgresEventStore", host.Store.GetType().Name);
        Assert.Equal("rabbitmq", host.Services.GetRequiredService<IBus>().Address.Scheme);
        return host;
    }

    [Fact]
    public async Task on_postgresql_and_rabbitmq_the_province_journey_launches_the_pilot()
    {
        await using var host = await StartOnPostgresAndRabbitMqAsync();
        await Journeys.ProvinceAsync(browser.Browser, host, "production");

        using var api = await host.ClientAsync("tinh.bantochuc");
        var cases = (await api.GetFromJsonAsync<JsonArray>("/api/cases"))!;
        Assert.Equal(Scenario.Pilot.Order(), cases.Select(c => c!["district"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task on_postgresql_and_rabbitmq_the_district_journey_completes_the_case_notifies_over_the_broker_and_the_auditor_replays_it()
    {
        await using var host = await StartOnPostgresAndRabbitMqAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);

        await Journeys.DistrictAsync(browser.Browser, host, "production", caseId);
        await Journeys.AuditorAsync(browser.Browser, host, "production", caseId);

        using var auditor = await host.ClientAsync("auditor");
        var verdict = await auditor.GetFromJsonAsync<JsonObject>($"/api/audit/{caseId}/verify");
        Assert.True(verdict!["intact"]!.GetValue<bool>());

        // The feed is filled by the consumer on the other side of RabbitMQ: entries for this case prove the round trip.
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var feed = (await board.GetFromJsonAsync<JsonArray>("/api/notifications"))!;
        Assert.Contains(feed, item => item!["caseId"]?.GetValue<string>() == caseId);
    }
}
