using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Features.ReadModels;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Campaigns;

/// <summary>The national 2025 plan imported through the API: the administrator's, a province board only for its own province.</summary>
public sealed class NationalImportApiTests
{
    private static StringContent Plan(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task the_whole_national_file_is_read_and_a_province_launched_once_however_often_it_is_posted()
    {
        await using var host = await ServerHost.StartAsync();
        using var admin = await host.ClientAsync("admin");
        var file = await File.ReadAllTextAsync(NationalCampaign.File);

        var checkedOnly = await admin.PostAsync("/api/campaigns/national?check=true", Plan(file));
        var first = await admin.PostAsync($"/api/campaigns/national?province={Uri.EscapeDataString("Lai Châu")}", Plan(file));
        var again = await admin.PostAsync($"/api/campaigns/national?province={Uri.EscapeDataString("Lai Châu")}", Plan(file));

        Assert.Equal(HttpStatusCode.OK, checkedOnly.StatusCode);
        var figures = (await checkedOnly.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((34, 10_035, 3_321), (figures["provinces"]!.GetValue<int>(), figures["unitsBefore"]!.GetValue<int>(), figures["unitsAfter"]!.GetValue<int>()));
        Assert.Null(figures["launch"]);
        var launched = (await first.Content.ReadFromJsonAsync<JsonObject>())!["launch"]!;
        Assert.Equal((38, 0), (launched["created"]!.GetValue<int>(), launched["alreadyStarted"]!.GetValue<int>()));
        var repeated = (await again.Content.ReadFromJsonAsync<JsonObject>())!["launch"]!;
        Assert.Equal((0, 38), (repeated["created"]!.GetValue<int>(), repeated["alreadyStarted"]!.GetValue<int>()));
    }

    [Fact]
    public async Task a_bad_national_file_is_refused_with_the_offending_ids_and_starts_nothing()
    {
        await using var host = await ServerHost.StartAsync();
        using var admin = await host.ClientAsync("admin");
        var plan = JsonNode.Parse(await File.ReadAllTextAsync(NationalCampaign.File))!.AsObject();
        var units = plan["provinces"]![6]!["units"]!.AsArray();
        var twice = units[1]!["formedFrom"]![0]!["id"]!.GetValue<string>();
        units[0]!["formedFrom"]!.AsArray().Add(units[1]!["formedFrom"]![0]!.DeepClone());
        var empty = units[2]!["id"]!.GetValue<string>();
        units[2]!["formedFrom"] = new JsonArray();
        var before = await host.TotalEventsAsync();

        var response = await admin.PostAsync("/api/campaigns/national", Plan(plan.ToJsonString()));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(twice, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains(empty, problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains($"{twice}: old committee {twice} is used for two new units", problem["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await host.TotalEventsAsync());
    }

    [Fact]
    public async Task a_province_board_may_not_launch_another_province_and_a_district_may_not_import()
    {
        await using var host = await ServerHost.StartAsync();
        using var province = await host.ClientAsync("tinh.bantochuc");
        using var district = await host.ClientAsync("duyxuyen.thuongvu");
        var file = await File.ReadAllTextAsync(NationalCampaign.File);

        var other = await province.PostAsync($"/api/campaigns/national?province={Uri.EscapeDataString("Lai Châu")}", Plan(file));
        var own = await province.PostAsync("/api/campaigns/national", Plan(file));
        var byDistrict = await district.PostAsync("/api/campaigns/national", Plan(file));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("Quảng Nam", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byDistrict.StatusCode);
    }
}
