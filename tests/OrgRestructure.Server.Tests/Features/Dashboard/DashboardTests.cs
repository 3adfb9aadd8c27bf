using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Dashboard;

public sealed class DashboardTests
{
    [Fact]
    public async Task the_dashboard_counts_committees_formed_as_well_as_districts_done()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        using var province = await host.ClientAsync("tinh.bantochuc");
        var before = (await province.GetFromJsonAsync<JsonObject>("/api/dashboard"))!;

        await Scenario.RunWholeCaseAsync(host, caseId);
        var after = (await province.GetFromJsonAsync<JsonObject>("/api/dashboard"))!;
        var page = await province.GetStringAsync("/");

        JsonObject Row(JsonObject view) => view["rows"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["district"]!.GetValue<string>() == Scenario.District);
        var planned = Row(after)["committees"]!.GetValue<int>();
        Assert.Equal(0, before["committeesFormed"]!.GetValue<int>());
        Assert.True(planned > 1);
        Assert.Equal(planned, Row(after)["committeesFormed"]!.GetValue<int>());
        Assert.Equal(planned, after["committeesFormed"]!.GetValue<int>());
        Assert.Equal(1, after["districtsDone"]!.GetValue<int>());
        Assert.Contains($"<span id=\"committees-formed\">{planned}</span>/47", page, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"committees\">{planned}/{planned}</td>", page, StringComparison.Ordinal);
    }
}
