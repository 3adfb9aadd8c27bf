using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Tasks;

/// <summary>A client works a task from the API alone: the task comes with its form and the data the step hands over.</summary>
public sealed class TaskDetailTests
{
    [Fact]
    public async Task an_open_task_is_fetched_with_its_form_its_labels_and_the_current_slate()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        await Scenario.CompleteAsync(host, caseId, "slate", Scenario.FormFor("slate", Scenario.Slate));
        using var clerk = await host.ClientAsync("duyxuyen.bantochuc");
        using var elsewhere = await host.ClientAsync("phuocson.bantochuc");
        var taskId = (await Scenario.OpenTasksAsync(clerk, caseId, "members-vote"))[0];

        var task = (await clerk.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}/tasks/{taskId}"))!;
        var outside = await elsewhere.GetAsync($"/api/cases/{caseId}/tasks/{taskId}");
        var unknown = await clerk.GetAsync($"/api/cases/{caseId}/tasks/task-999");

        Assert.Equal(("members-vote", "Open"), (task["stepId"]!.GetValue<string>(), task["status"]!.GetValue<string>()));
        var form = task["form"]!.AsArray().Select(f => f!.AsObject()).ToList();
        var returned = form.Single(f => f["name"]!.GetValue<string>() == "ballotsReturned");
        Assert.Equal(("integer", true, "Số phiếu thu vào", "Ballots returned"), (returned["type"]!.GetValue<string>(), returned["required"]!.GetValue<bool>(), returned["label"]!["vi"]!.GetValue<string>(), returned["label"]!["en"]!.GetValue<string>()));
        var tallies = form.Single(f => f["name"]!.GetValue<string>() == "tallies");
        Assert.Contains(tallies["fields"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "low");
        Assert.Equal(Scenario.Slate, task["context"]!["candidates"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.NotEmpty(task["contextVi"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
