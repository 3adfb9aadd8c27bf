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
        var caseId = await Scenario.CaseIdAsync(host);

        await Scenario.RunWholeCaseAsync(host, caseId);

        using var client = await host.ClientAsync("duyxuyen.thuongvu");
        var state = await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        Assert.Equal("Completed", state!["status"]!.GetValue<string>());
        var branches = state["branches"]!.AsArray().Count;
        var timeline = state["timeline"]!.AsArray();
        Assert.Equal(branches, timeline.Count(e => e!["type"]!.GetValue<string>() == "step-returned"));
        Assert.Equal(branches * (Scenario.Steps.Length + 4), timeline.Count(e => e!["type"]!.GetValue<string>() == "task-completed"));
        Assert.Contains(state["tasks"]!.AsArray(), t => t!["stepId"]!.GetValue<string>() == "slate" && t["completedBy"]?.GetValue<string>() == "duyxuyen.thuongvu");
        Assert.All(timeline, e => Assert.False(string.IsNullOrEmpty(e!["actor"]!.GetValue<string>())));
    }

    [Fact]
    public async Task acting_on_a_step_that_is_not_current_is_refused_with_409_and_appends_nothing()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var firstTask = (await Scenario.OpenTasksAsync(board, caseId, "slate"))[0];
        await Scenario.CompleteAsync(host, caseId, "slate", Scenario.FormFor("slate", Scenario.Slate));
        var before = await host.TotalEventsAsync();

        var again = await board.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{firstTask}/complete", new { data = Scenario.FormFor("slate", Scenario.Slate) });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(firstTask, problem!["messageVi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("already completed", problem["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await host.TotalEventsAsync());
    }

    [Fact]
    public async Task a_tally_that_does_not_add_up_is_refused_with_422_naming_the_field_and_appends_nothing()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        await Scenario.CompleteAsync(host, caseId, "slate", Scenario.FormFor("slate", Scenario.Slate));
        using var board = await host.ClientAsync("duyxuyen.bantochuc");
        var task = (await Scenario.OpenTasksAsync(board, caseId, "members-vote"))[0];
        var vote = Scenario.FormFor("members-vote", Scenario.Slate);
        vote["present"] = 50;
        var before = await host.TotalEventsAsync();

        var response = await board.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{task}/complete", new { data = vote });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrWhiteSpace(problem!["messageVi"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["messageEn"]!.GetValue<string>()));
        Assert.NotEmpty(problem["errors"]!.AsObject());
        Assert.Equal(before, await host.TotalEventsAsync());
    }

    [Fact]
    public async Task a_reviewer_of_another_district_gets_404_for_the_case()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        using var other = await host.ClientAsync("phuocson.reviewer");

        var response = await other.GetAsync($"/api/cases/{caseId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task audit_state_at_a_version_shows_the_case_before_the_decision_and_the_chain_verifies()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        await Scenario.RunWholeCaseAsync(host, caseId);
        using var auditor = await host.ClientAsync("auditor");
        var history = await auditor.GetFromJsonAsync<JsonArray>($"/api/audit/{caseId}/history");
        var decision = history!.First(e => e!["type"]!.GetValue<string>() == "decision-recorded")!["version"]!.GetValue<long>();

        var before = await auditor.GetFromJsonAsync<JsonObject>($"/api/audit/{caseId}/state?version={decision - 1}");
        var verdict = await auditor.GetFromJsonAsync<JsonObject>($"/api/audit/{caseId}/verify");

        Assert.Equal(5, before!["currentStep"]!.GetValue<int>());
        Assert.Equal("Running", before["status"]!.GetValue<string>());
        Assert.DoesNotContain(before["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "decision-recorded");
        Assert.True(verdict!["intact"]!.GetValue<bool>());
        Assert.Equal(history!.Count, verdict!["eventsChecked"]!.GetValue<int>());
    }
}
