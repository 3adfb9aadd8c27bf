using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Journeys;

/// <summary>The same three journeys with the production event store: a real PostgreSQL 15 (one database per test).</summary>
public sealed class PostgresJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task<ServerHost> StartOnPostgresAsync()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("server");
        return await ServerHost.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:EventStore"] = database });
    }

    [Fact]
    public async Task on_postgresql_the_province_journey_launches_the_pilot()
    {
        await using var host = await StartOnPostgresAsync();
        await Journeys.ProvinceAsync(browser.Browser, host, "postgres");

        Assert.Equal("PostgresEventStore", host.Store.GetType().Name);
    }

    [Fact]
    public async Task on_postgresql_the_district_journey_completes_the_case_and_the_auditor_replays_it()
    {
        await using var host = await StartOnPostgresAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);

        await Journeys.DistrictAsync(browser.Browser, host, "postgres", caseId);
        await Journeys.AuditorAsync(browser.Browser, host, "postgres", caseId);

        using var api = await host.ClientAsync("auditor");
        var verdict = await api.GetFromJsonAsync<JsonObject>($"/api/audit/{caseId}/verify");
        Assert.True(verdict!["intact"]!.GetValue<bool>());
    }
}
