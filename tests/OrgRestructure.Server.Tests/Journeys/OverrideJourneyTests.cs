using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Journeys;

/// <summary>
/// A candidate fails the members' vote; the inspection committee sees it when vetting; the decision
/// naming them is refused with the rule's sentence; the standing committee records an override (who,
/// why); the case completes and the audit shows the override.
/// </summary>
public sealed class OverrideJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Slate = Scenario.Slate;

    private static string Failed => Slate[4];

    [Fact]
    public async Task a_candidate_who_failed_the_members_vote_is_refused_at_the_decision_then_appointed_with_an_override_the_audit_shows()
    {
        await using var host = await ServerHost.StartAsync();
        using var api = await host.ClientAsync("duyxuyen.thuongvu");
        var caseId = await Scenario.LaunchOneCommitteeAsync(api, 45, ["dx-ubnd", "dx-phong-tai-chinh"], new JsonObject { ["failedCandidatePolicy"] = "override-with-reason" });
        await Scenario.CompleteAsync(host, caseId, "slate", Scenario.FormFor("slate", Slate));
        await Scenario.CompleteAsync(host, caseId, "members-vote", Scenario.VoteFailing(Slate, 4));
        await Scenario.CompleteAsync(host, caseId, "bloc-vote", Scenario.FormFor("bloc-vote", Slate));

        await using (var inspection = await Person.SignInAsync(browser.Browser, host, "duyxuyen.ubkt", "override-1-vetting"))
        {
            var page = await TaskPages.OpenAndClaimAsync(inspection, caseId, "vetting");
            await Assertions.Expect(page.Locator("#step-context li.fail").First).ToContainTextAsync($"{Failed}: 10/30");
            await inspection.ShotAsync("01-vetting-shows-the-failed-vote");
            await TaskPages.FillAsync(page, Scenario.FormFor("vetting", Slate));
            await inspection.SubmitAsync("#submit-task", "/inbox");
        }

        await using (var board = await Person.SignInAsync(browser.Browser, host, "duyxuyen.thuongvu", "override-2-decision"))
        {
            var page = await TaskPages.OpenAndClaimAsync(board, caseId, "decision");
            await TaskPages.FillAsync(page, Scenario.FormFor("decision", Slate));
            var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#submit-task"), r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
            Assert.NotInRange(refused.Status, 300, 399);
            await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync($"{Failed} không đạt ở bước trước");
            await board.ShotAsync("02-decision-refused");

            await page.FillAsync("[name='overrides[0].candidate']", Failed);
            await page.FillAsync("[name='overrides[0].decidedBy']", "Ban Thường vụ Huyện ủy (Bí thư Huyện ủy chủ trì)");
            await page.FillAsync("[name='overrides[0].reason']", "Cán bộ trẻ có năng lực, cần cho cơ cấu; Ban Thường vụ đã thảo luận và biểu quyết");
            await board.ShotAsync("03-decision-with-override");
            await board.SubmitAsync("#submit-task", "/inbox");
        }

        foreach (var step in Scenario.Steps.Skip(5))
        {
            await Scenario.CompleteAsync(host, caseId, step, Scenario.FormFor(step, Slate));
        }

        await using var auditor = await Person.SignInAsync(browser.Browser, host, "auditor", "override-3-audit");
        var audit = auditor.Page;
        await audit.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(audit.Locator("#case-status")).ToHaveTextAsync("Hoàn thành");
        await Assertions.Expect(audit.Locator("main")).ToContainTextAsync("Cán bộ trẻ có năng lực");
        await audit.GotoAsync($"/audit/{caseId}");
        await Assertions.Expect(audit.Locator("#history")).ToContainTextAsync("Quyết định vẫn chỉ định người không đạt ở bước trước");
        await Assertions.Expect(audit.Locator("#history")).ToContainTextAsync(Failed);
        await auditor.ShotAsync("04-audit-shows-the-override");
    }
}
