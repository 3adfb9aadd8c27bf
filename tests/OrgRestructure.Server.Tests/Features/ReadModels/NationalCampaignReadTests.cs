using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Workflows.Runtime;
using Xunit.Abstractions;

namespace OrgRestructure.Server.Tests.Features.ReadModels;

public sealed class NationalCampaignReadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task with_the_3321_cases_of_the_national_campaign_stored_an_inbox_and_a_case_list_request_read_no_stream()
    {
        await using var host = await ServerHost.StartAsync(services: CountingEventStore.Install);
        var store = host.Services.GetRequiredService<IRelationalEventStore>();
        var definition = host.Services.GetRequiredService<IWorkflowEngine>().Definitions.Get("party-committee-formation");
        var at = DateTimeOffset.UtcNow;
        var seeding = Stopwatch.StartNew();
        var units = NationalCampaign.Units().ToList();
        var tasks = 0;
        foreach (var (province, unit, committees) in units)
        {
            tasks += await NationalCampaign.AppendCaseAsync(store, definition, province, unit, committees, at);
        }

        // The Quảng Nam pilot district the demo accounts work in, beside the national units.
        await NationalCampaign.AppendCaseAsync(store, definition, "Quảng Nam", Scenario.District, ["Đảng bộ Khối Chính quyền", "Đảng bộ Khối Doanh nghiệp"], at);
        output.WriteLine($"seeded {units.Count + 1} cases, {tasks + 2} open tasks in {seeding.Elapsed.TotalSeconds:F1} s");
        var counting = host.Services.GetRequiredService<CountingEventStore>();
        using var district = await host.ClientAsync("duyxuyen.thuongvu");
        using var provinceBoard = await host.ClientAsync("tinh.bantochuc");
        counting.Reset();

        var timer = Stopwatch.StartNew();
        var inbox = await district.GetFromJsonAsync<JsonArray>("/api/tasks");
        var inboxTime = timer.Elapsed;
        var firstPage = await provinceBoard.GetAsync("/api/cases?limit=1");
        var caseList = await firstPage.Content.ReadFromJsonAsync<JsonArray>();
        var listTime = timer.Elapsed - inboxTime;
        output.WriteLine($"inbox {inboxTime.TotalMilliseconds:F1} ms, case list {listTime.TotalMilliseconds:F1} ms");

        Assert.Equal(3321, units.Count);
        Assert.Equal(10035, tasks);
        Assert.Equal(0, counting.Reads);
        Assert.Equal(2, inbox!.Count);
        Assert.All(inbox, t => Assert.Equal(Scenario.District, t!["district"]!.GetValue<string>()));
        Assert.Equal(Scenario.District, Assert.Single(caseList!)!["district"]!.GetValue<string>());
        Assert.False(firstPage.Headers.Contains("X-Next-Cursor"));
    }
}
