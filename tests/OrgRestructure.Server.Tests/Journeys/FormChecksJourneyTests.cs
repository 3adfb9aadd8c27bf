using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Journeys;

/// <summary>
/// The forms check as the clerk types: counts against what they cannot exceed, each tally row adding
/// up to the ballots returned, head-decision rows only for a candidate exactly at the threshold and
/// with no verdict preset, step 7's election previewed like the votes; a completed task shows what
/// was submitted and by whom; cancelling a case says what it cancels and asks first.
/// </summary>
public sealed class FormChecksJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Slate = Scenario.Slate;

    private static string AtThreshold => Slate[1];

    [Fact]
    public async Task a_head_decision_row_appears_only_for_the_candidate_at_the_threshold_with_no_verdict_and_the_sums_are_checked_while_typing()
    {
        await using var host = await ServerHost.StartAsync();
        using var api = await host.ClientAsync("duyxuyen.thuongvu");
        var caseId = await Scenario.LaunchOneCommitteeAsync(api, 45, ["dx-ubnd", "dx-phong-tai-chinh"]);
        await Scenario.CompleteAsync(host, caseId, "slate", Scenario.FormFor("slate", Slate));

        await using var clerk = await Person.SignInAsync(browser.Browser, host, "duyxuyen.bantochuc", "form-checks-vote");
        var page = await TaskPages.OpenAndClaimAsync(clerk, caseId, "members-vote");
        var taskUrl = page.Url;
        var heads = page.Locator("#headDecisions-rows tbody tr");
        await Assertions.Expect(heads).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-field='headDecisions'] .computed-empty")).ToBeVisibleAsync();

        await page.FillAsync("[name='summoned']", "30");
        await page.FillAsync("[name='present']", "31");
        await Assertions.Expect(page.Locator(".field-error[data-for='present']")).ToContainTextAsync("Số có mặt (31) không được vượt số được triệu tập (30)");
        await page.FillAsync("[name='present']", "28");
        await Assertions.Expect(page.Locator(".field-error[data-for='present']")).ToHaveTextAsync("");

        var vote = Scenario.FormFor("members-vote", Slate);
        vote["tallies"]![1]!["high"] = 15;
        vote["tallies"]![1]!["low"] = 13;
        await TaskPages.FillAsync(page, vote);
        await Assertions.Expect(page.Locator("#tally-preview")).ToContainTextAsync($"{AtThreshold}: 15/30");
        await Assertions.Expect(heads).ToHaveCountAsync(1);
        await Assertions.Expect(heads.Locator(".sub-candidate")).ToHaveValueAsync(AtThreshold);
        await Assertions.Expect(heads.Locator(".sub-passed")).ToHaveValueAsync("");
        await clerk.ShotAsync("01-head-decision-row-at-the-threshold");

        // One more vote of confidence takes the candidate over the threshold: the head has nothing to decide.
        await page.FillAsync("[name='tallies[1].high']", "16");
        await page.FillAsync("[name='tallies[1].low']", "12");
        await Assertions.Expect(heads).ToHaveCountAsync(0);
        await page.FillAsync("[name='tallies[1].high']", "15");
        await page.FillAsync("[name='tallies[1].low']", "13");
        await Assertions.Expect(heads).ToHaveCountAsync(1);

        // A row that does not add up to the ballots returned is flagged in the row, and the form cannot be sent.
        await page.FillAsync("[name='tallies[2].low']", "6");
        var sum = page.Locator("#tallies-rows tr[data-row='2'] td:has(.sub-invalid) .field-error");
        await Assertions.Expect(sum).ToContainTextAsync("Cộng bốn cột = 27 ≠ 28 phiếu thu vào");
        await Assertions.Expect(page.Locator("#submit-task")).ToBeDisabledAsync();
        await clerk.ShotAsync("02-a-row-that-does-not-add-up");
        await page.FillAsync("[name='tallies[2].low']", "7");
        await Assertions.Expect(sum).ToHaveTextAsync("");
        await Assertions.Expect(page.Locator("#submit-task")).ToBeEnabledAsync();

        // Who and why, but no verdict: refused by the candidate's name; the row comes back as typed.
        await page.FillAsync("[name='headDecisions[0].decidedBy']", "Bí thư Huyện ủy");
        await page.FillAsync("[name='headDecisions[0].reason']", "Cân nhắc cơ cấu cán bộ nữ");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#submit-task"), r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        Assert.NotInRange(refused.Status, 300, 399);
        await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync($"Chưa chọn quyết định của người đứng đầu (Đạt hay Không đạt) cho {AtThreshold}: 15/30");
        await Assertions.Expect(heads).ToHaveCountAsync(1);
        await Assertions.Expect(heads.Locator(".sub-passed")).ToHaveValueAsync("");
        await Assertions.Expect(heads.Locator(".sub-reason")).ToHaveValueAsync("Cân nhắc cơ cấu cán bộ nữ");
        await clerk.ShotAsync("03-no-verdict-refused");

        await page.SelectOptionAsync("[name='headDecisions[0].passed']", "false");
        await clerk.SubmitAsync("#submit-task", "/inbox");

        await page.GotoAsync(taskUrl);
        await Assertions.Expect(page.Locator("#task-done")).ToContainTextAsync("Ban Tổ chức Duy Xuyên");
        var submitted = page.Locator("#submitted");
        await Assertions.Expect(submitted).ToContainTextAsync("Quyết định của người đứng đầu");
        var decision = submitted.Locator("table[data-field='headDecisions'] tbody tr td");
        await Assertions.Expect(decision).ToHaveTextAsync([AtThreshold, "Không đạt / không", "Bí thư Huyện ủy", "Cân nhắc cơ cấu cán bộ nữ"]);
        await Assertions.Expect(submitted).ToContainTextAsync("05/09/2014");
        await Assertions.Expect(page.Locator("#task-form")).ToHaveCountAsync(0);
        await clerk.ShotAsync("04-completed-task-shows-what-was-submitted");
    }

    [Fact]
    public async Task the_step_7_election_is_previewed_with_who_is_elected_and_whether_the_chair_is_among_them()
    {
        await using var host = await ServerHost.StartAsync();
        using var api = await host.ClientAsync("duyxuyen.thuongvu");
        var caseId = await Scenario.LaunchOneCommitteeAsync(api, 45, ["dx-ubnd", "dx-phong-tai-chinh"]);
        foreach (var step in Scenario.Steps.TakeWhile(s => s != "inspection-election"))
        {
            await Scenario.CompleteAsync(host, caseId, step, Scenario.FormFor(step, Slate));
        }

        await using var clerk = await Person.SignInAsync(browser.Browser, host, "duyxuyen.bantochuc", "form-checks-election");
        var page = await TaskPages.OpenAndClaimAsync(clerk, caseId, "inspection-election");
        var preview = page.Locator("#tally-preview");
        await TaskPages.FillAsync(page, new JsonObject
        {
            ["seats"] = 3,
            ["summoned"] = 5,
            ["present"] = 5,
            ["ballotsIssued"] = 5,
            ["ballotsReturned"] = 5,
            ["candidates"] = new JsonArray(
                new JsonObject { ["name"] = Slate[0], ["votes"] = 5 },
                new JsonObject { ["name"] = Slate[1], ["votes"] = 4 },
                new JsonObject { ["name"] = Slate[2], ["votes"] = 2 },
                new JsonObject { ["name"] = Slate[3], ["votes"] = 6 }),
            ["chair"] = Slate[2],
        });
        var votes = page.Locator("#candidates-rows tr[data-row='3'] td:has(.sub-votes) .field-error");
        await Assertions.Expect(votes).ToContainTextAsync("Không được vượt số phiếu thu vào (5)");
        await page.FillAsync("[name='candidates[3].votes']", "3");
        await Assertions.Expect(votes).ToHaveTextAsync("");

        await Assertions.Expect(preview).ToContainTextAsync($"{Slate[2]} không trúng cử nên không thể là chủ nhiệm");
        await Assertions.Expect(preview).ToHaveClassAsync("preview invalid");
        await Assertions.Expect(preview.Locator("li.pass")).ToHaveCountAsync(3);
        await Assertions.Expect(preview.Locator("li.fail")).ToContainTextAsync($"{Slate[2]}: 2/5");
        await clerk.ShotAsync("01-chair-not-elected");

        await page.FillAsync("[name='chair']", Slate[0]);
        await Assertions.Expect(preview).ToContainTextAsync($"chủ nhiệm: {Slate[0]}");
        await Assertions.Expect(preview).ToHaveClassAsync("preview valid");
        await clerk.ShotAsync("02-elected-and-chair");
        await clerk.SubmitAsync("#submit-task", "/inbox");
    }

    [Fact]
    public async Task cancelling_a_case_names_the_case_its_committees_and_open_tasks_and_asks_first()
    {
        await using var host = await ServerHost.StartAsync();
        using var api = await host.ClientAsync("duyxuyen.thuongvu");
        var caseId = await Scenario.LaunchOneCommitteeAsync(api, 45, ["dx-ubnd", "dx-phong-tai-chinh"]);

        await using var board = await Person.SignInAsync(browser.Browser, host, "duyxuyen.thuongvu", "form-checks-cancel");
        var page = board.Page;
        await page.GotoAsync($"/cases/{caseId}");
        var what = page.Locator("#cancel-what");
        await Assertions.Expect(what).ToContainTextAsync("Duy Xuyên");
        await Assertions.Expect(what).ToContainTextAsync("1 đảng bộ (Đảng bộ Khối Chính quyền huyện Duy Xuyên)");
        await Assertions.Expect(what).ToContainTextAsync("hủy 1 việc đang mở");
        await page.FillAsync("#reason", "Thử hủy");

        var asked = new TaskCompletionSource<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
            asked.TrySetResult(dialog.Message);
        };
        await page.ClickAsync("#cancel-case");
        Assert.Equal(await what.InnerTextAsync(), await asked.Task);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#case-status")).ToHaveAttributeAsync("data-status", "Running");

        accept = true;
        await page.FillAsync("#reason", "Sáp nhập huyện, làm lại phương án");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#cancel-case"), r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        await page.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(page.Locator("#case-status")).ToHaveAttributeAsync("data-status", "Cancelled");
    }
}
