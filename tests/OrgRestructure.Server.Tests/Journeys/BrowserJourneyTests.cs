using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Journeys;

/// <summary>The three journeys of issue 7 in a real chromium against the embedded default (SQLite, in-memory bus).</summary>
public sealed class BrowserJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task province_imports_the_survey_sees_312_to_47_and_launches_the_three_pilot_districts()
    {
        await using var host = await ServerHost.StartAsync();
        await Journeys.ProvinceAsync(browser.Browser, host, "embedded");

        using var api = await host.ClientAsync("tinh.bantochuc");
        var cases = await api.GetFromJsonAsync<JsonArray>("/api/cases");
        Assert.Equal(Scenario.Pilot.Order(), cases!.Select(c => c!["district"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task district_people_complete_all_seven_steps_from_their_inboxes_with_a_vetting_rejection_and_its_correction()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);

        await Journeys.DistrictAsync(browser.Browser, host, "embedded", caseId);

        using var api = await host.ClientAsync("duyxuyen.thuongvu");
        var state = await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        Assert.Equal("Completed", state!["status"]!.GetValue<string>());
        Assert.Contains(state["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "step-returned");
    }

    [Fact]
    public async Task auditor_replays_the_case_to_before_the_decision_checks_integrity_and_exports_the_report()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        await Scenario.RunWholeCaseAsync(host, caseId);

        await Journeys.AuditorAsync(browser.Browser, host, "embedded", caseId);
    }

    [Fact]
    public async Task the_ui_switches_to_english_and_back_to_vietnamese()
    {
        await using var host = await ServerHost.StartAsync();
        await using var province = await Person.SignInAsync(browser.Browser, host, "tinh.bantochuc", "embedded-language", tablet: true);
        var page = province.Page;
        Assert.Contains("Tổng quan", await page.InnerTextAsync("header.top"), StringComparison.Ordinal);

        await page.ClickAsync("text=English");
        await Assertions.Expect(page.Locator("header.top")).ToContainTextAsync("Dashboard");
        await province.ShotAsync("dashboard-english-tablet");
        await page.ClickAsync("text=Tiếng Việt");
        await Assertions.Expect(page.Locator("header.top")).ToContainTextAsync("Tổng quan");
    }
}
