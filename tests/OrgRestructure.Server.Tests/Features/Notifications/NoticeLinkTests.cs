using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Features.Notifications;

/// <summary>
/// A notice about a task opens the task (API link and notifications page alike); the province board
/// hears the district's progress as each committee is formed; the decision notice gives its number
/// and the ceremony's date.
/// </summary>
public sealed class NoticeLinkTests
{
    [Fact]
    public async Task a_task_notice_links_to_the_task_page_in_the_api_and_on_the_notifications_page()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        using var standing = await host.ClientAsync(Scenario.ActorFor("slate"));
        var slateTasks = await Scenario.OpenTasksAsync(standing, caseId, "slate");
        JsonArray feed = [];

        await Eventually.UntilAsync(
            async () => (feed = (await standing.GetFromJsonAsync<JsonArray>("/api/notifications"))!).Count(n => n!["caseId"]!.GetValue<string>() == caseId && n["kind"]!.GetValue<string>() == "task-assigned") == slateTasks.Count,
            () => $"a task notice per slate task ({slateTasks.Count}; have {feed.Count} entries)");

        var notices = feed.Where(n => n!["caseId"]!.GetValue<string>() == caseId && n["kind"]!.GetValue<string>() == "task-assigned").ToList();
        Assert.Equal(
            slateTasks.Select(t => $"/cases/{caseId}/tasks/{t}").Order(StringComparer.Ordinal),
            notices.Select(n => n!["link"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(notices, n => Assert.Equal(n!["link"]!.GetValue<string>(), $"/cases/{caseId}/tasks/{n["taskId"]!.GetValue<string>()}"));
        var page = await standing.GetStringAsync("/notifications");
        Assert.All(slateTasks, t => Assert.Contains($"href=\"/cases/{caseId}/tasks/{t}\"", page, StringComparison.Ordinal));
        var task = await standing.GetAsync($"/cases/{caseId}/tasks/{slateTasks[0]}");
        Assert.Equal(System.Net.HttpStatusCode.OK, task.StatusCode);
    }

    [Fact]
    public async Task the_province_board_hears_each_committee_formed_with_the_districts_progress_and_the_decision_notice_its_date()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        await Scenario.RunWholeCaseAsync(host, caseId);
        var committees = (await host.Store.ReadStreamAsync(caseId, null)).Count(e => e.Type == "branch-started");
        var feed = host.Services.GetRequiredService<INotificationFeed>();
        IReadOnlyList<FeedItem> items = [];

        await Eventually.UntilAsync(
            async () => (items = await feed.GetCaseNotificationsAsync(caseId)).Count(i => i.Kind == "notice:progress" && i.Recipient == "tinh.bantochuc") == committees,
            () => $"{committees} progress notices to the province board (have {items.Count(i => i.Kind == "notice:progress")})");

        Assert.True(committees >= 2, $"Duy Xuyên's pilot forms several committees ({committees})");
        var progress = items.Where(i => i.Kind == "notice:progress" && i.Recipient == "tinh.bantochuc").ToList();
        Assert.Equal(
            Enumerable.Range(1, committees).Select(k => $"Duy Xuyên: {k}/{committees} đảng bộ đã thành lập"),
            progress.Select(i => i.Subject[(i.Subject.IndexOf("] ", StringComparison.Ordinal) + 2)..i.Subject.IndexOf(" (vừa", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.All(progress, i => Assert.Null(i.TaskId));
        var decision = items.First(i => i.Kind == "notice:decision-announced");
        Assert.Contains("Quyết định số 123-QĐ/HU", decision.Body, StringComparison.Ordinal);
        Assert.Contains("Ngày quyết định: 15/09/2014", decision.Body, StringComparison.Ordinal);
        Assert.Contains("Ngày công bố: 20/09/2014", decision.Body, StringComparison.Ordinal);
    }
}
