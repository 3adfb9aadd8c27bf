using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Features.Notifications;

/// <summary>A notice says what happened and for whom: the decision with its number and appointees, a returned step with the reason; never the case's id.</summary>
public sealed class NoticeSubstanceTests
{
    [Fact]
    public async Task the_decision_notice_names_its_number_and_appointees_and_the_returned_slate_task_says_why()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        await Scenario.RunWholeCaseAsync(host, caseId);
        var feed = host.Services.GetRequiredService<INotificationFeed>();
        IReadOnlyList<FeedItem> items = [];

        await Eventually.UntilAsync(
            async () => (items = await feed.GetCaseNotificationsAsync(caseId)).Any(i => i.Kind == "notice:decision-announced"),
            () => $"a decision notice (have {items.Count} entries)");

        var decision = items.First(i => i.Kind == "notice:decision-announced");
        Assert.Contains("Quyết định số 123-QĐ/HU", decision.Body, StringComparison.Ordinal);
        Assert.Contains("Nhân sự được chỉ định: Nguyễn Văn An, Trần Thị Bình", decision.Body, StringComparison.Ordinal);
        Assert.Contains("Đảng bộ: ", decision.Body, StringComparison.Ordinal);
        var returned = items.Where(i => i.Kind == "task-returned" && i.Step == 1).ToList();
        Assert.NotEmpty(returned);
        Assert.All(returned, i => Assert.Contains("Trả lại để hoàn thiện", i.Subject, StringComparison.Ordinal));
        Assert.All(returned, i => Assert.Contains("Trả về từ", i.Body, StringComparison.Ordinal));
        Assert.All(returned, i => Assert.Contains($"Chưa đủ thời gian công tác — nhân sự liên quan: {Scenario.Rejected}", i.Body, StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Body.Contains(caseId, StringComparison.Ordinal) || i.Subject.Contains(caseId, StringComparison.Ordinal));
    }
}
