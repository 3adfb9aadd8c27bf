using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Procedures;

/// <summary>A district's standing committee launches a merger from the procedure's own page, in a real chromium.</summary>
public sealed class ProcedurePagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task a_merger_is_launched_from_its_page_and_a_missing_field_is_named_on_the_page()
    {
        await using var host = await ServerHost.StartAsync();
        await using var standing = await Person.SignInAsync(browser.Browser, host, "duyxuyen.thuongvu", "procedures");
        var page = standing.Page;

        await page.ClickAsync("nav >> text=Quy trình");
        await page.ClickAsync("text=Hợp nhất, giải thể");
        Assert.Equal(Scenario.District, await page.InputValueAsync("#district"));
        await page.FillAsync("input[name='organizations[0].id']", "dx-yte");
        await page.FillAsync("input[name='organizations[0].name']", "Chi bộ Phòng Y tế");
        await page.FillAsync("input[name='organizations[0].members']", "4");
        await page.SelectOptionAsync("select[name='organizations[0].action']", "merge");
        await page.ClickAsync("#launch-procedure");
        await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("Tổ chức tiếp nhận: bắt buộc phải nhập");
        await standing.ShotAsync("merger-refused");

        await page.FillAsync("#receivingOrganization", "Đảng bộ Khối Chính quyền Duy Xuyên");
        await page.ClickAsync("#launch-procedure");
        await page.WaitForURLAsync(u => u.Contains("/cases/case-", StringComparison.Ordinal));
        await standing.ShotAsync("merger-launched");

        using var api = await host.ClientAsync("duyxuyen.thuongvu");
        var cases = await api.GetFromJsonAsync<JsonArray>("/api/cases");
        var launched = Assert.Single(cases!, c => c!["definitionId"]!.GetValue<string>() == "organization-merger")!;
        Assert.EndsWith(launched["caseId"]!.GetValue<string>(), page.Url, StringComparison.Ordinal);
    }
}
