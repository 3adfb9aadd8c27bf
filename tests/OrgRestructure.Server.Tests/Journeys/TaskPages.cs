using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Journeys;

/// <summary>What every journey does on a task: open it from the inbox and claim it; fill its form from scenario data.</summary>
public static class TaskPages
{
    public static async Task<IPage> OpenAndClaimAsync(Person person, string caseId, string step)
    {
        var page = person.Page;
        await page.GotoAsync("/inbox");
        var row = page.Locator($"tr[data-case='{caseId}'][data-step='{step}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("a.open-task").ClickAsync();
        await page.ClickAsync("#claim");
        await Assertions.Expect(page.Locator("#release")).ToBeVisibleAsync();
        return page;
    }

    public static async Task FillAsync(IPage page, JsonObject data)
    {
        foreach (var (field, value) in Scenario.UiFields(data))
        {
            var input = page.Locator($"[name='{field}']");
            if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await input.SelectOptionAsync(value);
            }
            else
            {
                await input.FillAsync(value);
            }
        }
    }
}
