using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Campaigns;

public sealed class CampaignServiceTests
{
    [Fact]
    public async Task the_campaigns_plan_is_worked_out_once_per_version_of_its_stream_and_again_after_each_change()
    {
        await using var host = await ServerHost.StartAsync();
        var campaigns = host.Services.GetRequiredService<CampaignService>();
        var empty = await campaigns.LoadAsync("Quảng Nam", CancellationToken.None);
        Assert.Null(empty.Plan);

        await Scenario.ImportAndLaunchPilotAsync(host);
        var first = await campaigns.LoadAsync("Quảng Nam", CancellationToken.None);
        var again = await campaigns.LoadAsync("Quảng Nam", CancellationToken.None);

        Assert.Same(first, again);
        Assert.Equal(47, first.Plan!.Totals.CommitteesAfter);
        Assert.Equal(await host.Store.GetStreamVersionAsync(CampaignService.StreamId("Quảng Nam")), first.Version);
        Assert.Equal(Scenario.Pilot.Order(), first.LaunchedDistricts.Order());
        Assert.NotSame(empty, first);
    }

    [Fact]
    public async Task a_district_that_launched_its_own_case_is_skipped_by_the_pilot_and_marked_on_the_survey_page()
    {
        await using var host = await ServerHost.StartAsync();
        using var province = await host.ClientAsync("tinh.bantochuc");
        using var content = new StringContent(await File.ReadAllTextAsync(RepoPaths.Survey), Encoding.UTF8, "application/json");
        (await province.PostAsync("/api/surveys", content)).EnsureSuccessStatusCode();
        using var district = await host.ClientAsync("duyxuyen.thuongvu");
        (await district.PostAsJsonAsync("/api/cases", new { district = Scenario.District })).EnsureSuccessStatusCode();

        var pilot = await province.PostAsJsonAsync("/api/campaigns/current/pilot", new { districts = Scenario.Pilot });
        var page = await province.GetStringAsync("/survey");
        var cases = await province.GetFromJsonAsync<JsonArray>("/api/cases");

        Assert.True(pilot.IsSuccessStatusCode, await pilot.Content.ReadAsStringAsync());
        Assert.Equal(Scenario.Pilot.Order(), cases!.Select(c => c!["district"]!.GetValue<string>()).Order());
        var launched = (await pilot.Content.ReadFromJsonAsync<JsonObject>())!["launches"]!.AsArray().Single()!["districts"]!.AsArray().Select(d => d!.GetValue<string>());
        Assert.DoesNotContain(Scenario.District, launched);
        Assert.Contains("đã có hồ sơ", page, StringComparison.Ordinal);
    }
}
