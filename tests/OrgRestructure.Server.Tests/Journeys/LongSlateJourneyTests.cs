using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Journeys;

/// <summary>A list field takes as many rows as the clerk needs: a 105-member committee's 13-seat slate of 15 candidates, typed in the browser.</summary>
public sealed class LongSlateJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task a_13_seat_slate_of_15_candidates_is_entered_through_the_browser_with_rows_added_and_one_removed()
    {
        await using var host = await ServerHost.StartAsync();
        using var api = await host.ClientAsync("duyxuyen.thuongvu");
        var caseId = await Scenario.LaunchOneCommitteeAsync(api, 105, ["dx-ubnd", "dx-phong-tai-chinh", "dx-phong-giao-duc"]);
        var names = Enumerable.Range(1, 15).Select(i => $"Ứng viên Số {i}").ToList();

        await using var board = await Person.SignInAsync(browser.Browser, host, "duyxuyen.thuongvu", "long-slate");
        var page = await TaskPages.OpenAndClaimAsync(board, caseId, "slate");
        await page.FillAsync("[name='date']", "2014-09-01");
        await page.FillAsync("[name='criteria']", "Tiêu chuẩn theo Quy định 89-QĐ/TW");
        await page.FillAsync("[name='executiveSeats']", "13");
        await page.FillAsync("[name='standingSeats']", "5");
        await page.FillAsync("[name='deputySecretaries']", "1");
        var rows = page.Locator("#candidates-rows tbody tr");
        var offered = await rows.CountAsync();
        for (var i = offered; i < names.Count + 1; i++)
        {
            await page.ClickAsync("button.add-row[data-table='candidates-rows']");
        }

        await Assertions.Expect(rows).ToHaveCountAsync(names.Count + 1);
        for (var i = 0; i < names.Count; i++)
        {
            await page.FillAsync($"[name='candidates[{i}].name']", names[i]);
            await page.SelectOptionAsync($"[name='candidates[{i}].position']", i switch { 0 => "secretary", 1 => "deputy-secretary", < 5 => "standing-committee", _ => "executive-committee" });
        }

        // A sixteenth person typed by mistake, then taken off the list.
        await page.FillAsync($"[name='candidates[{names.Count}].name']", "Người nhập nhầm");
        await page.SelectOptionAsync($"[name='candidates[{names.Count}].position']", "executive-committee");
        await rows.Nth(names.Count).Locator("button.remove-row").ClickAsync();
        await Assertions.Expect(rows.Nth(names.Count)).ToBeHiddenAsync();
        await board.ShotAsync("01-slate-of-15");
        await board.SubmitAsync("#submit-task", "/inbox");

        var dossier = Strings(await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}/dossier")).ToList();
        Assert.All(names, n => Assert.Contains(dossier, s => s.Contains(n, StringComparison.Ordinal)));
        Assert.DoesNotContain(dossier, s => s.Contains("Người nhập nhầm", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
