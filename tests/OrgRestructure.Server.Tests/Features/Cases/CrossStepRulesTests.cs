using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Cases;

/// <summary>The rules that bind across the steps, as an API client meets them: 422 problem details naming the person and the rule.</summary>
public sealed class CrossStepRulesTests
{
    [Fact]
    public async Task a_candidate_who_failed_the_members_vote_is_refused_at_the_decision_and_a_ceremony_before_the_decision_is_refused()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        var slate = Scenario.RevisedSlate;
        var failed = slate[4];
        await Scenario.ToDecisionWithAFailedCandidateAsync(host, caseId, slate, 4);
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var task = (await Scenario.OpenTasksAsync(board, caseId, "decision"))[0];
        var before = await host.TotalEventsAsync();

        var refused = await board.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{task}/complete", new { data = Scenario.FormFor("decision", slate) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains($"{failed} failed an earlier step", problem["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("confidence vote or vetting", problem["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"{failed} không đạt ở bước trước", problem["messageVi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("appointees[4].name"));
        Assert.Equal(before, await host.TotalEventsAsync());

        var decision = Scenario.FormFor("decision", slate[..4]);
        await Scenario.CompleteAsync(host, caseId, "decision", decision);
        using var clerk = await host.ClientAsync("duyxuyen.bantochuc");
        var announcement = (await Scenario.OpenTasksAsync(clerk, caseId, "announcement"))[0];
        var early = Scenario.FormFor("announcement", slate);
        early["ceremonyDate"] = "2014-09-14";

        var tooEarly = await clerk.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{announcement}/complete", new { data = early });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        var dates = (await tooEarly.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Ceremony date (14/09/2014) cannot be before the date of “Step 5: Standing committee decision” (15/09/2014)", dates["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(dates["errors"]!.AsObject().ContainsKey("ceremonyDate"));
    }
}
