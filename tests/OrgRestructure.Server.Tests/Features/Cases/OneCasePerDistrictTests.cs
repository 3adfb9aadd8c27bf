using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Cases;

public sealed class OneCasePerDistrictTests
{
    private static readonly string[] IdempotencyKeys = ["launch-a", "launch-b"];

    [Fact]
    public async Task two_launches_of_one_district_with_different_idempotency_keys_start_one_case_and_the_other_gets_409_naming_the_district()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        using var province = await host.ClientAsync("tinh.bantochuc");
        var plan = await province.GetFromJsonAsync<JsonObject>("/api/surveys/current/plan");
        var district = plan!["districts"]!.AsArray()
            .First(d => !Scenario.Pilot.Contains(d!["district"]!.GetValue<string>()) && d["committees"]!.AsArray().Count > 0)!["district"]!.GetValue<string>();

        var launches = await Task.WhenAll(IdempotencyKeys.Select(async key =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(new { district }) };
            request.Headers.Add("Idempotency-Key", key);
            return await province.SendAsync(request);
        }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], launches.Select(r => r.StatusCode).Order());
        var problem = await launches.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(district, problem!["messageVi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(district, problem["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single((await province.GetFromJsonAsync<JsonArray>($"/api/cases?district={Uri.EscapeDataString(district)}"))!);
    }

    [Fact]
    public async Task the_case_list_pages_by_cursor_through_every_case_of_the_province_once()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        using var province = await host.ClientAsync("tinh.bantochuc");
        var seen = new List<string>();
        var url = "/api/cases?limit=2";

        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 5, "the cursor must end");
            var response = await province.GetAsync(url);
            seen.AddRange((await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(c => c!["district"]!.GetValue<string>()));
            url = response.Headers.TryGetValues("X-Next-Cursor", out var next) ? "/api/cases?limit=2&cursor=" + Uri.EscapeDataString(next.Single()) : null;
        }

        Assert.Equal(Scenario.Pilot.Order(StringComparer.Ordinal), seen);
        var bad = await province.GetAsync("/api/cases?cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
