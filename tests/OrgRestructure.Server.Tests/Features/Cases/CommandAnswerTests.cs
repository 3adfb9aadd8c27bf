using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Cases;

/// <summary>A command answers the whole case, or — asked with Prefer: return=minimal — where it stands and its open tasks.</summary>
public sealed class CommandAnswerTests
{
    [Fact]
    public async Task a_command_sent_with_prefer_minimal_answers_where_the_case_stands_and_its_open_tasks_without_the_timeline()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var tasks = await Scenario.OpenTasksAsync(board, caseId, "slate");

        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/tasks/{tasks[0]}/claim");
        claim.Headers.Add("Prefer", "respond-async, return=minimal");
        using var answer = await board.SendAsync(claim);
        answer.EnsureSuccessStatusCode();
        var standing = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("return=minimal", Assert.Single(answer.Headers.GetValues("Preference-Applied")));
        Assert.Null(standing["timeline"]);
        Assert.Equal(caseId, standing["caseId"]!.GetValue<string>());
        Assert.Equal("Duy Xuyên", standing["name"]!.GetValue<string>());
        Assert.Equal("Running", standing["status"]!.GetValue<string>());
        var open = standing["openTasks"]!.AsArray();
        Assert.Equal(tasks.Order(StringComparer.Ordinal), open.Select(t => t!["taskId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("duyxuyen.thuongvu", open.Single(t => t!["taskId"]!.GetValue<string>() == tasks[0])!["assignee"]!.GetValue<string>());
        Assert.All(open, t => Assert.True(t!["open"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task a_command_without_the_preference_answers_the_whole_case_with_its_timeline()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var task = (await Scenario.OpenTasksAsync(board, caseId, "slate"))[0];

        using var answer = await board.PostAsync($"/api/cases/{caseId}/tasks/{task}/claim", null);
        answer.EnsureSuccessStatusCode();
        var view = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.False(answer.Headers.Contains("Preference-Applied"));
        Assert.Contains(view["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "task-claimed");
        Assert.NotEmpty(view["tasks"]!.AsArray());
    }
}
