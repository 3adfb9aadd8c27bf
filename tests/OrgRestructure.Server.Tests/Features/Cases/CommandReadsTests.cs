using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Cases;

/// <summary>A command on a case reads that case's stream once: the answer is built from what the command already loaded and appended.</summary>
public sealed class CommandReadsTests
{
    [Fact]
    public async Task claiming_and_completing_a_task_each_read_the_case_stream_once()
    {
        await using var host = await ServerHost.StartAsync(services: CountingEventStore.Install);
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var task = (await Scenario.OpenTasksAsync(board, caseId, "slate"))[0];
        var counting = host.Services.GetRequiredService<CountingEventStore>();

        counting.Reset();
        var claimed = await board.PostAsync($"/api/cases/{caseId}/tasks/{task}/claim", null);
        var claimReads = counting.Reads;
        counting.Reset();
        var completed = await board.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{task}/complete", new { data = Scenario.FormFor("slate", Scenario.Slate) });
        var completeReads = counting.Reads;

        claimed.EnsureSuccessStatusCode();
        completed.EnsureSuccessStatusCode();
        Assert.Equal(1, claimReads);
        Assert.Equal(1, completeReads);
    }
}
