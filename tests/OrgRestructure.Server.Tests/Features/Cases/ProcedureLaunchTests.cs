using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Features.Cases;

/// <summary>Any published procedure launched through POST /api/cases with its own input, and the procedure pages.</summary>
public sealed class ProcedureLaunchTests
{
    private const string Merger = "organization-merger";
    private const string Commune = "commune-party-committee-formation-2025";

    private static JsonObject MergerInput() => new()
    {
        ["district"] = Scenario.District,
        ["receivingOrganization"] = "Đảng bộ Khối Chính quyền Duy Xuyên",
        ["organizations"] = new JsonArray(
            new JsonObject { ["id"] = "dx-yte", ["name"] = "Chi bộ Phòng Y tế", ["members"] = 4, ["action"] = "merge" },
            new JsonObject { ["id"] = "dx-tuphap", ["name"] = "Chi bộ Phòng Tư pháp", ["members"] = 3, ["action"] = "dissolve" }),
    };

    private static async Task<JsonObject> LaunchAsync(HttpClient client, string definitionId, JsonObject input)
    {
        var response = await client.PostAsJsonAsync("/api/cases", new { definitionId, input });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<JsonObject> CompleteAsync(HttpClient client, string caseId, string stepId, JsonObject data)
    {
        var view = await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        JsonObject? last = null;
        foreach (var task in view!["tasks"]!.AsArray().Where(t => t!["stepId"]!.GetValue<string>() == stepId && t["open"]!.GetValue<bool>()))
        {
            var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{task!["taskId"]}/complete", new { data = data.DeepClone() });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{stepId}: {(int)response.StatusCode} {body}");
            last = JsonNode.Parse(body)!.AsObject();
        }

        return last ?? throw new InvalidOperationException($"No open task at {stepId}.");
    }

    [Fact]
    public async Task the_latest_definitions_list_each_procedure_once_with_what_a_launch_asks_for()
    {
        await using var host = await ServerHost.StartAsync();
        using var client = await host.ClientAsync("tinh.bantochuc");

        var latest = await client.GetFromJsonAsync<JsonArray>("/api/definitions?latest=true");
        var all = await client.GetFromJsonAsync<JsonArray>("/api/definitions");

        var ids = latest!.Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains(Merger, ids);
        Assert.Contains(Commune, ids);
        Assert.True(all!.Count > latest!.Count);
        var commune = latest.Single(d => d!["id"]!.GetValue<string>() == Commune)!;
        Assert.Equal("national-communes-2025", commune["campaignPlan"]!.GetValue<string>());
        Assert.Contains(commune["input"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "formedFrom");
        Assert.Contains(commune["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "implementationUntil" && p["type"]!.GetValue<string>() == "date");
    }

    [Fact]
    public async Task a_merger_is_launched_with_its_own_input_and_completed()
    {
        await using var host = await ServerHost.StartAsync();
        using var standing = await host.ClientAsync("duyxuyen.thuongvu");
        using var board = await host.ClientAsync("duyxuyen.bantochuc");

        var started = await LaunchAsync(standing, Merger, MergerInput());
        var caseId = started["caseId"]!.GetValue<string>();
        Assert.Equal("Quảng Nam", started["province"]!.GetValue<string>());
        Assert.Equal(Scenario.District, started["district"]!.GetValue<string>());
        await CompleteAsync(board, caseId, "proposal", new JsonObject { ["reason"] = "Tinh gọn bộ máy", ["plan"] = "Chuyển 7 đảng viên về Đảng bộ Khối Chính quyền", ["effectiveDate"] = "2014-11-01" });
        await CompleteAsync(standing, caseId, "review", new JsonObject { ["outcome"] = "approve", ["reason"] = "Phù hợp" });
        await CompleteAsync(standing, caseId, "decision", new JsonObject { ["number"] = "45-QĐ/HU", ["date"] = "2014-11-05", ["signatory"] = "Bí thư Huyện ủy" });
        await CompleteAsync(board, caseId, "transfer-members", new JsonObject { ["membersTransferred"] = 4, ["recordsClosed"] = true });
        var done = await CompleteAsync(board, caseId, "announcement", new JsonObject { ["ceremonyDate"] = "2014-11-10", ["attendees"] = 30, ["decisions"] = new JsonArray("45-QĐ/HU") });

        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        var listed = await board.GetFromJsonAsync<JsonArray>($"/api/cases?district={Uri.EscapeDataString(Scenario.District)}");
        Assert.Contains(listed!, c => c!["caseId"]!.GetValue<string>() == caseId);
    }

    [Fact]
    public async Task a_2025_unit_is_launched_by_the_province_board_and_walked_to_the_old_committees_closed()
    {
        await using var host = await ServerHost.StartAsync();
        using var province = await host.ClientAsync("tinh.bantochuc");
        var input = CommuneUnitForms.UnitInput();
        input.Remove("province");

        var started = await LaunchAsync(province, Commune, input);
        var caseId = started["caseId"]!.GetValue<string>();
        await CompleteAsync(province, caseId, "plan", CommuneUnitForms.Plan());
        await CompleteAsync(province, caseId, "establishment", CommuneUnitForms.Decision());
        await CompleteAsync(province, caseId, "close-old-committees", CommuneUnitForms.Closure());
        var done = await CompleteAsync(province, caseId, "announcement", new JsonObject { ["ceremonyDate"] = "2025-07-01", ["attendees"] = 150, ["decisions"] = new JsonArray("120-QĐ/TU") });

        Assert.Equal("Quảng Nam", started["province"]!.GetValue<string>());
        Assert.Equal("lai-chau-xa-001", started["district"]!.GetValue<string>());
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_launch_with_bad_input_is_refused_naming_each_field_by_its_label_and_starts_nothing()
    {
        await using var host = await ServerHost.StartAsync();
        using var province = await host.ClientAsync("tinh.bantochuc");
        var input = CommuneUnitForms.UnitInput();
        input.Remove("province");
        input["unitKind"] = "huyen";
        input.Remove("formedFrom");
        input["parameters"] = new JsonObject { ["implementationUntil"] = "15/08/2025" };
        var before = await host.TotalEventsAsync();

        var response = await province.PostAsJsonAsync("/api/cases", new { definitionId = Commune, input });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var vi = problem!["messageVi"]!.GetValue<string>();
        var en = problem["messageEn"]!.GetValue<string>();
        Assert.True(vi.Contains("Loại đơn vị: phải là một trong", StringComparison.Ordinal), vi);
        Assert.True(en.Contains("Kind of unit: must be one of", StringComparison.Ordinal), en);
        Assert.Contains("Old committees that end: is required", en, StringComparison.Ordinal);
        Assert.Contains("Last day for establishing the new committees: must be a date as yyyy-MM-dd", en, StringComparison.Ordinal);
        Assert.Contains("unitKind", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain("unitKind", en, StringComparison.Ordinal);
        Assert.Equal(before, await host.TotalEventsAsync());
    }

    [Fact]
    public async Task an_unknown_procedure_is_404_and_a_launch_outside_ones_scope_or_by_an_auditor_is_refused()
    {
        await using var host = await ServerHost.StartAsync();
        using var standing = await host.ClientAsync("duyxuyen.thuongvu");
        using var auditor = await host.ClientAsync("auditor");
        var elsewhere = MergerInput();
        elsewhere["district"] = "Phước Sơn";

        var unknown = await standing.PostAsJsonAsync("/api/cases", new { definitionId = "no-such-procedure", input = MergerInput() });
        var outside = await standing.PostAsJsonAsync("/api/cases", new { definitionId = Merger, input = elsewhere });
        var audited = await auditor.PostAsJsonAsync("/api/cases", new { definitionId = Merger, input = MergerInput() });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Contains("Phước Sơn", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, audited.StatusCode);
    }

    [Fact]
    public async Task the_procedure_pages_list_every_procedure_with_its_legal_basis_and_offer_a_launch_form_in_clerk_words()
    {
        await using var host = await ServerHost.StartAsync();
        using var province = await host.ClientAsync("tinh.bantochuc");

        var list = await province.GetStringAsync("/procedures");
        var page = await province.GetStringAsync($"/procedures/{Commune}");

        Assert.Contains("Thành lập đảng bộ xã, phường, đặc khu mới", list, StringComparison.Ordinal);
        Assert.Contains("Hướng dẫn 31-HD/BTCTW", list, StringComparison.Ordinal);
        Assert.Contains("id=\"launch-form\"", page, StringComparison.Ordinal);
        Assert.Contains("Tên xã, phường, đặc khu mới", page, StringComparison.Ordinal);
        Assert.Contains("Bước 2: Ban Thường vụ Tỉnh ủy quyết định thành lập đảng bộ", page, StringComparison.Ordinal);
        Assert.Contains("15/08/2025", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"phuong\">Phường</option>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Quảng Nam\"", page, StringComparison.Ordinal);
    }
}
