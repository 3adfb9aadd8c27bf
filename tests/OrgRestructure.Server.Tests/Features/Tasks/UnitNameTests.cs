using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Features.Auth;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Features.Tasks;

/// <summary>A 2025 unit case is called by its unit's name wherever a clerk reads it; the unit's id stays data in the API.</summary>
public sealed class UnitNameTests
{
    private const string Commune = "commune-party-committee-formation-2025";

    private static readonly string UnitId = CommuneUnitForms.UnitInput()["unit"]!.GetValue<string>();

    private static readonly string UnitName = CommuneUnitForms.UnitInput()["unitName"]!.GetValue<string>();

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task the_inbox_task_and_case_pages_name_a_2025_unit_and_its_input_in_clerk_words_never_by_id_or_key(string language)
    {
        await using var host = await ServerHost.StartAsync();
        using var api = await host.ClientAsync("tinh.bantochuc");
        var caseId = await LaunchAsync(api);
        using var browser = await AuthClient.BrowserAsync(host, "tinh.bantochuc");
        if (language == "en")
        {
            await browser.GetAsync("/lang/en?returnUrl=/inbox");
        }

        var inbox = await browser.GetStringAsync("/inbox");
        var casePage = await browser.GetStringAsync($"/cases/{caseId}");
        var taskId = (await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["tasks"]!.AsArray().First(t => t!["open"]!.GetValue<bool>())!["taskId"]!.GetValue<string>();
        var taskPage = await browser.GetStringAsync($"/cases/{caseId}/tasks/{taskId}");
        var audit = await browser.GetStringAsync($"/audit/{caseId}");

        Assert.Contains($"class=\"case-name\">{UnitName}</a>", inbox, StringComparison.Ordinal);
        Assert.Contains($"<span id=\"case-name\">{UnitName}</span>", casePage, StringComparison.Ordinal);
        Assert.Contains($"<title>{UnitName}", casePage, StringComparison.Ordinal);
        Assert.Contains($"— {UnitName}</a>", taskPage, StringComparison.Ordinal);
        Assert.Contains($"— {UnitName}</h1>", audit, StringComparison.Ordinal);
        var (unitLabel, oldCommittee) = language == "en" ? ("Name of the new commune, ward or special zone", "Old committee: ") : ("Tên xã, phường, đặc khu mới", "Tên đảng bộ cũ: ");
        Assert.Contains($">{unitLabel}</dt>", taskPage, StringComparison.Ordinal);
        Assert.Contains(oldCommittee, taskPage, StringComparison.Ordinal);
        Assert.DoesNotContain(">input.", taskPage, StringComparison.Ordinal);

        // The unit's own steps belong to no committee: they are shown under the unit's name, never the engine's root-branch key.
        Assert.Contains($"id=\"task-branch\">{UnitName} ·", taskPage, StringComparison.Ordinal);
        Assert.Contains($"<small class=\"muted\">{UnitName}</small>", inbox, StringComparison.Ordinal);
        foreach (var page in new[] { inbox, casePage, taskPage, audit })
        {
            Assert.DoesNotContain("— main", page, StringComparison.Ordinal);
            Assert.DoesNotContain(">main<", page, StringComparison.Ordinal);
            Assert.DoesNotContain($">{UnitId}<", page, StringComparison.Ordinal);
            Assert.DoesNotContain($"— {UnitId}", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task the_inbox_api_keeps_the_units_id_as_data_beside_its_name()
    {
        await using var host = await ServerHost.StartAsync();
        using var api = await host.ClientAsync("tinh.bantochuc");
        var caseId = await LaunchAsync(api);

        var rows = await api.GetFromJsonAsync<JsonArray>("/api/tasks");
        var view = await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");

        var row = rows!.First(r => r!["caseId"]!.GetValue<string>() == caseId)!;
        Assert.Equal((UnitId, UnitName, UnitName), (row["district"]!.GetValue<string>(), row["unitName"]!.GetValue<string>(), row["name"]!.GetValue<string>()));
        Assert.Equal(UnitName, row["branch"]!.GetValue<string>());
        Assert.All(view!["tasks"]!.AsArray(), t => Assert.Equal(UnitName, t!["branch"]!.GetValue<string>()));
        Assert.Equal((UnitId, UnitName), (view!["district"]!.GetValue<string>(), view["unitName"]!.GetValue<string>()));
    }

    private static async Task<string> LaunchAsync(HttpClient api)
    {
        var input = CommuneUnitForms.UnitInput();
        input.Remove("province");
        var response = await api.PostAsJsonAsync("/api/cases", new { definitionId = Commune, input });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["caseId"]!.GetValue<string>();
    }
}
