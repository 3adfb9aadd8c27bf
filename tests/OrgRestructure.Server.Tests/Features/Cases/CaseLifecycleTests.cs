using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Cases;

public sealed class CaseLifecycleTests
{
    [Fact]
    public async Task pilot_launch_creates_one_case_per_pilot_district_and_the_plan_is_312_to_47()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        using var province = await host.ClientAsync("tinh.bantochuc");

        var plan = await province.GetFromJsonAsync<JsonObject>("/api/surveys/current/plan");
        var cases = await province.GetFromJsonAsync<JsonArray>("/api/cases");

        Assert.Equal(312, plan!["organizationsBefore"]!.GetValue<int>());
        Assert.Equal(47, plan["committeesAfter"]!.GetValue<int>());
        Assert.Equal(Scenario.Pilot.Order(), cases!.Select(c => c!["district"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task a_case_completes_all_seven_steps_after_a_vetting_rejection_and_its_correction()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);

        await Scenario.RunWholeCaseAsync(host, Scenario.CaseId);

        using var client = await host.ClientAsync("duyxuyen.thuongvu");
        var state = await client.GetFromJsonAsync<JsonObject>($"/api/cases/{Scenario.CaseId}");
        Assert.Equal("Completed", state!["status"]!.GetValue<string>());
        var types = state["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("SlateReturned", types);
        Assert.Equal(11, types.Count(t => t == "TaskCompleted"));
        Assert.Contains("Đặng Văn Giang", state["timeline"]!.AsArray().Last(e => e!["type"]!.GetValue<string>() == "TaskCompleted" && e["summaryEn"]!.GetValue<string>().StartsWith("Step 1", StringComparison.Ordinal))!["summaryVi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(state["timeline"]!.AsArray(), e => Assert.False(string.IsNullOrEmpty(e!["actor"]!.GetValue<string>())));
    }

    [Fact]
    public async Task acting_on_a_step_that_is_not_current_is_refused_with_409_and_appends_nothing()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var firstTask = await Scenario.OpenTaskAsync(board, Scenario.CaseId, 1);
        await Scenario.CompleteAsync(host, Scenario.CaseId, 1, Scenario.FormFor(1, Scenario.Slate));
        var before = await host.TotalEventsAsync();

        var again = await board.PostAsJsonAsync($"/api/cases/{Scenario.CaseId}/tasks/{firstTask}/complete", new { data = Scenario.FormFor(1, Scenario.Slate) });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("không còn là bước hiện tại", problem!["messageVi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not the current step", problem["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await host.TotalEventsAsync());
    }

    [Fact]
    public async Task audit_state_at_a_version_shows_the_case_before_the_decision_and_the_chain_verifies()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        await Scenario.RunWholeCaseAsync(host, Scenario.CaseId);
        using var auditor = await host.ClientAsync("auditor");
        var history = await auditor.GetFromJsonAsync<JsonArray>($"/api/audit/{Scenario.CaseId}/history");
        var decision = history!.First(e => e!["type"]!.GetValue<string>() == "TaskCompleted" && e["summaryEn"]!.GetValue<string>().StartsWith("Step 5", StringComparison.Ordinal))!["version"]!.GetValue<long>();

        var before = await auditor.GetFromJsonAsync<JsonObject>($"/api/audit/{Scenario.CaseId}/state?version={decision - 1}");
        var verdict = await auditor.GetFromJsonAsync<JsonObject>($"/api/audit/{Scenario.CaseId}/verify");

        Assert.Equal(5, before!["currentStep"]!.GetValue<int>());
        Assert.Equal("Active", before["status"]!.GetValue<string>());
        Assert.True(verdict!["intact"]!.GetValue<bool>());
        Assert.Equal(history!.Count, verdict!["eventsChecked"]!.GetValue<int>());
    }
}
