using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Shared;

/// <summary>
/// A person signs in and walks the pages a case shows up on, in Vietnamese and in English; no page
/// may show an internal key, code or engine term (the words a clerk reads only), nor encode
/// Vietnamese letters as numeric entities.
/// </summary>
public sealed partial class InternalKeysTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly (string Name, Regex Pattern)[] Everywhere =
    [
        ("kebab-case key", KebabCase()),
        ("camelCase key", CamelCase()),
        ("snake_case key", SnakeCase()),
        ("activity type name", ActivityKind()),
        ("data path", DataPath()),
        ("GUID-looking id", Guid()),
    ];

    private static readonly (string Name, Regex Pattern)[] InVietnamese =
    [
        ("untranslated status", EnglishStatus()),
    ];

    /// <summary>English compound words the procedure's own titles use ("district-level agencies", "confidence-vote conference").</summary>
    private static readonly HashSet<string> EnglishCompounds = new(StringComparer.Ordinal) { "district-level", "confidence-vote" };

    [Fact]
    public async Task no_page_a_case_shows_up_on_shows_an_internal_key_in_vietnamese_or_english()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var done = await Scenario.CaseIdAsync(host);
        await Scenario.RunWholeCaseAsync(host, done);
        var running = await Scenario.CaseIdAsync(host, "Phước Sơn");
        using var province = await host.ClientAsync("tinh.bantochuc");
        var task = (await Scenario.OpenTasksAsync(province, running, "slate"))[0];
        var history = (await province.GetFromJsonAsync<JsonArray>($"/api/audit/{done}/history"))!;
        var beforeDecision = history.First(e => e!["type"]!.GetValue<string>() == "decision-recorded")!["version"]!.GetValue<long>() - 1;
        string[] pages =
        [
            "/", "/survey", "/inbox", "/cases", $"/cases/{done}", $"/cases/{running}", $"/cases/{running}/tasks/{task}",
            "/audit", $"/audit/{done}", $"/audit/{done}?version={beforeDecision}", "/notifications", "/no-such-page",
        ];

        var found = new List<string>();
        await using var person = await Person.SignInAsync(browser.Browser, host, "tinh.bantochuc", "internal-keys");
        foreach (var english in new[] { false, true })
        {
            await person.Page.GotoAsync($"/lang/{(english ? "en" : "vi")}?returnUrl=/");
            foreach (var path in pages)
            {
                await person.Page.GotoAsync(path);
                var text = await person.Page.InnerTextAsync("body");
                var html = await person.Page.ContentAsync();
                var checks = english ? Everywhere : [.. Everywhere, .. InVietnamese];
                found.AddRange(checks.SelectMany(c => c.Pattern.Matches(text).Where(m => !EnglishCompounds.Contains(m.Value)).Select(m => $"{(english ? "en" : "vi")} {path}: {c.Name} «{m.Value}»")).Distinct());
                if (html.Contains("&#x", StringComparison.Ordinal))
                {
                    found.Add($"{(english ? "en" : "vi")} {path}: numeric entity in the HTML");
                }

                if (path == $"/cases/{done}")
                {
                    await person.ShotAsync($"case-{(english ? "en" : "vi")}");
                }
            }
        }

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [GeneratedRegex(@"\b[a-z]+(?:-[a-z0-9]+)+\b")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]+\b")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\b[a-z]+_[a-z_]+\b")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\b(?:HumanTask|ForEach|ConfidenceVote|Gate|Notify|Timer)\b")]
    private static partial Regex ActivityKind();

    [GeneratedRegex(@"\b(?:input|item|steps|param)\.[a-z]")]
    private static partial Regex DataPath();

    [GeneratedRegex(@"\b[0-9a-f]{32}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b(?:Running|Active|Completed|Cancelled|Suspended|NotStarted|Open|requested|voted|decided)\b")]
    private static partial Regex EnglishStatus();
}
