using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Journeys;

/// <summary>The journeys themselves, shared by the embedded and the PostgreSQL + RabbitMQ runs.</summary>
public static class Journeys
{
    public static async Task ProvinceAsync(IBrowser browser, ServerHost host, string run)
    {
        await using var province = await Person.SignInAsync(browser, host, "tinh.bantochuc", run + "-1-province");
        var page = province.Page;
        await province.ShotAsync("01-dashboard-before-import");

        await page.GotoAsync("/survey");
        await page.SetInputFilesAsync("#survey-file", RepoPaths.Survey);
        await page.ClickAsync("#upload-survey");
        await Assertions.Expect(page.Locator("#plan-before")).ToHaveTextAsync("312");
        await Assertions.Expect(page.Locator("#plan-after")).ToHaveTextAsync("47");
        await Assertions.Expect(page.Locator("#flags")).ToBeVisibleAsync();
        await province.ShotAsync("02-survey-plan");

        var pilot = page.Locator("#plan input[type=checkbox]:checked");
        Assert.Equal(Scenario.Pilot.Order(), (await pilot.EvaluateAllAsync<string[]>("els => els.map(e => e.value)")).Order());
        await page.ClickAsync("#launch-pilot");
        await Assertions.Expect(page.Locator(".flash.ok")).ToContainTextAsync("Đã khởi động 3 huyện");
        await province.ShotAsync("03-pilot-launched");

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#orgs-before")).ToHaveTextAsync("312");
        await Assertions.Expect(page.Locator("#committees-after")).ToHaveTextAsync("47");
        await Assertions.Expect(page.Locator("#districts tbody tr").Filter(new() { HasText = "Đang thực hiện" })).ToHaveCountAsync(3);
        await province.ShotAsync("04-dashboard");
    }

    /// <summary>
    /// The first committee of Duy Xuyên goes through every step in the browser, each step by the
    /// person whose inbox it reaches; the district's other committees move along through the API.
    /// </summary>
    public static async Task DistrictAsync(IBrowser browser, ServerHost host, string run, string caseId)
    {
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        try
        {
            async Task<Person> As(string user)
            {
                if (!people.TryGetValue(user, out var p))
                {
                    p = await Person.SignInAsync(browser, host, user, $"{run}-2-district-{user}");
                    people[user] = p;
                }

                return p;
            }

            using var api = await host.ClientAsync("duyxuyen.thuongvu");
            var branch = (await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["branches"]!.AsArray()[0]!["label"]!.GetValue<string>();
            var shot = 0;
            async Task Step(string step, IReadOnlyList<string> slate, bool reject)
            {
                var data = Scenario.FormFor(step, slate, reject);
                await Scenario.CompleteAsync(host, caseId, step, data, exceptBranch: branch);
                var person = await As(Scenario.ActorFor(step));
                var page = person.Page;
                await page.GotoAsync("/inbox");
                var row = page.Locator($"tr[data-case='{caseId}'][data-step='{step}'][data-branch='{branch}']");
                await Assertions.Expect(row).ToHaveCountAsync(1);
                if (shot == 0)
                {
                    await person.ShotAsync($"{++shot:00}-inbox");
                }

                await row.Locator("a.open-task").ClickAsync();
                await page.ClickAsync("#claim");
                await Assertions.Expect(page.Locator("#release")).ToBeVisibleAsync();
                if (step == "vetting")
                {
                    // The dossier shows each vote as the rule explained it, in words a clerk can check.
                    var context = page.Locator("#step-context");
                    await Assertions.Expect(context.Locator("li.pass").First).ToContainTextAsync("người được triệu tập");
                    Assert.DoesNotContain("\\u", await context.InnerTextAsync(), StringComparison.Ordinal);
                }

                if (step == "slate" && reject is false)
                {
                    // The returned slate is offered for revision, not retyped.
                    await Assertions.Expect(page.Locator("[name='candidates[4].name']")).ToHaveValueAsync(Scenario.Rejected);
                }

                await TaskPages.FillAsync(page, data);

                if (step is "slate" or "decision")
                {
                    // Positions are stored as codes and read as words.
                    var list = step == "slate" ? "candidates" : "appointees";
                    await Assertions.Expect(page.Locator($"[name='{list}[0].position'] option:checked")).ToHaveTextAsync("Bí thư");
                }

                if (step is "members-vote" or "bloc-vote")
                {
                    await Assertions.Expect(page.Locator("#tally-preview")).ToContainTextAsync("Hội nghị hợp lệ");
                    await Assertions.Expect(page.Locator("#tally-preview li.pass")).ToHaveCountAsync(slate.Count);
                    await person.ShotAsync($"{++shot:00}-vote-tally-{step}");
                }
                else
                {
                    await person.ShotAsync($"{++shot:00}-form-{step}{(reject ? "-reject" : string.Empty)}");
                }

                await person.SubmitAsync("#submit-task", "/inbox");
                await Assertions.Expect(page.Locator(".flash.ok")).ToBeVisibleAsync();
            }

            foreach (var step in Scenario.Steps.Take(4))
            {
                await Step(step, Scenario.Slate, reject: true);
            }

            var board = await As("duyxuyen.thuongvu");
            await board.Page.GotoAsync($"/cases/{caseId}");
            // Each committee has its own diagram: the first is back at step 1.
            await Assertions.Expect(board.Page.Locator("#diagram .committee-diagram").First.Locator(".current[data-step='slate']")).ToHaveCountAsync(1);
            await Assertions.Expect(board.Page.Locator("#timeline")).ToContainTextAsync("Trả về bước trước");
            await board.ShotAsync($"{++shot:00}-case-after-rejection");

            foreach (var step in Scenario.Steps)
            {
                await Step(step, Scenario.RevisedSlate, reject: false);
            }

            await board.Page.GotoAsync($"/cases/{caseId}");
            await Assertions.Expect(board.Page.Locator("#case-status")).ToHaveTextAsync("Hoàn thành");
            await ReadsTheDossierAsync(board.Page, decided: true);
            await board.ShotAsync($"{++shot:00}-case-completed");
            await board.Page.Locator("#dossier .committee").First.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, $"{board.Prefix}-{++shot:00}-dossier-first-committee.png") });
            await board.Page.Locator("#diagram .committee-diagram").First.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, $"{board.Prefix}-{++shot:00}-diagram-first-committee.png") });
            await board.Page.GotoAsync("/notifications");
            await Assertions.Expect(board.Page.Locator("#feed li").First).ToBeVisibleAsync();
            await board.ShotAsync($"{++shot:00}-notifications");
        }
        finally
        {
            foreach (var p in people.Values)
            {
                await p.DisposeAsync();
            }
        }
    }

    public static async Task AuditorAsync(IBrowser browser, ServerHost host, string run, string caseId)
    {
        using var api = await host.ClientAsync("auditor");
        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/audit/{caseId}/history"))!;
        var decision = history.First(e => e!["type"]!.GetValue<string>() == "decision-recorded")!;
        var beforeDecision = decision["version"]!.GetValue<long>() - 1;

        await using var auditor = await Person.SignInAsync(browser, host, "auditor", run + "-3-auditor");
        var page = auditor.Page;
        await page.GotoAsync("/audit");
        await page.ClickAsync($"a[href='/audit/{caseId}']");
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(history.Count);
        await auditor.ShotAsync("01-audit-history");

        await page.ClickAsync($"#history a[href='?version={beforeDecision}']");
        await Assertions.Expect(page.Locator("#step-then")).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("#no-decision")).ToBeVisibleAsync();
        await ReadsTheDossierAsync(page, decided: false);
        await auditor.ShotAsync("02-audit-replay-before-decision");

        await page.ClickAsync("#next");
        await Assertions.Expect(page.Locator("#no-decision")).ToHaveCountAsync(0);
        await page.ClickAsync("#prev");
        await Assertions.Expect(page.Locator("#no-decision")).ToBeVisibleAsync();

        await page.ClickAsync("#verify");
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Toàn vẹn");
        await auditor.ShotAsync("03-audit-integrity");

        // The report prints the point the auditor is looking at: the dossier then, the events up to it.
        var report = await auditor.Context.RunAndWaitForPageAsync(() => page.ClickAsync("#export-html"));
        await Assertions.Expect(report.Locator("h1")).ToContainTextAsync("Báo cáo kiểm toán");
        await Assertions.Expect(report.Locator("#as-of")).ToContainTextAsync($"Tính đến sự kiện #{beforeDecision}");
        await Assertions.Expect(report.Locator("#events tbody tr")).ToHaveCountAsync((int)beforeDecision);
        await Assertions.Expect(report.Locator("table.dossier").First).ToContainTextAsync("Trần Thị Bình: 21/30 người được triệu tập (70,0%) > 1/2 → đạt");
        await Assertions.Expect(report.Locator("table.dossier").First).ToContainTextAsync("Chưa đủ thời gian công tác");
        await report.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, $"{auditor.Prefix}-04-audit-report.png"), FullPage = true });

        var csv = await auditor.Context.APIRequest.GetAsync($"/api/audit/{caseId}/export?format=csv");
        Assert.Equal(200, csv.Status);
        var text = (await csv.TextAsync()).TrimStart('\uFEFF');
        var parts = text.Split("\n\n", 2);
        Assert.StartsWith("committee,step,round", parts[0], StringComparison.Ordinal);
        Assert.Contains("\"Nguyễn Văn An\",\"Được chỉ định\",\"Bí thư\"", parts[0], StringComparison.Ordinal);
        var lines = parts[1].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("version,timestamp,actor", lines[0], StringComparison.Ordinal);
        Assert.Equal(history.Count + 1, lines.Length);
    }

    /// <summary>
    /// The page's dossier names who stood, their tallies with the rule's sentence and the vetting's
    /// rejection; once decided, the appointees and their positions. Its diagrams' text is at least 12 px as drawn.
    /// </summary>
    public static async Task ReadsTheDossierAsync(IPage page, bool decided)
    {
        var committee = page.Locator("#dossier .committee").First;
        await Assertions.Expect(committee).ToContainTextAsync("Trần Thị Bình: 21/30 người được triệu tập (70,0%) > 1/2 → đạt");
        await Assertions.Expect(committee.Locator(".verdicts li.fail").First).ToContainTextAsync($"{Scenario.Rejected}: không đạt — Chưa đủ thời gian công tác");
        if (decided)
        {
            await Assertions.Expect(committee.Locator("table.appointees tr").Filter(new() { HasText = "Nguyễn Văn An" })).ToContainTextAsync("Bí thư");
        }
        else
        {
            await Assertions.Expect(committee.Locator("table.appointees")).ToHaveCountAsync(0);
        }

        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('#diagram svg')].flatMap(svg => { const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; return [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * k); }))");
        Assert.True(smallest >= 12, $"the diagram's smallest text is {smallest:0.0} px");
    }
}
