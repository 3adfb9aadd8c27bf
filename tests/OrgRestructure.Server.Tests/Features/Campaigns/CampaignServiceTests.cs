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
}
