using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Domain.Communes;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Server.Tests.Features.ReadModels;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Workflows.Campaigns;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;
using Xunit.Abstractions;

namespace OrgRestructure.Server.Tests.Features.Dashboard;

public sealed class NationalDashboardTests(ITestOutputHelper output)
{
    private const string Central = "trunguong.bantochuc";
    private const string LaiChau = "Lai Châu";

    private static StringContent Plan(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Escaped(string province) => Uri.EscapeDataString(province);

    [Fact]
    public async Task the_national_dashboard_reads_34_provinces_and_3321_units_with_formed_and_overdue_counted_per_province()
    {
        await using var host = await ServerHost.StartAsync();
        var engine = host.Services.GetRequiredService<IWorkflowEngine>();
        var plan = NationalPlanReader.Read(await File.ReadAllTextAsync(NationalCampaign.File)).Value;
        var launcher = new NationalCampaignLauncher(engine);
        var definition = engine.Definitions.ForCampaign(NationalCampaignLauncher.Plan);
        var at = DateTimeOffset.UtcNow.AddDays(-40);
        // Every unit's case as the launch writes its first event (the launch itself is measured in docs/performance.md);
        // in Lai Châu the first unit's committee is formed and the second is past its due date.
        foreach (var province in plan.Provinces)
        {
            for (var i = 0; i < province.Units.Count; i++)
            {
                var caseId = CaseStreamFolder.StreamPrefix + Guid.NewGuid().ToString("N");
                var events = new List<ICaseEvent>
                {
                    new CaseStarted(caseId, definition.Id, definition.Version, definition.Hash, definition.Title, launcher.InputFor(province.Province, province.Units[i], plan.Schedule), [], definition.Steps[0].Id, "seed", at),
                };
                if (province.Province == LaiChau && i == 0)
                {
                    events.Add(new CaseCompleted(at.AddDays(10)));
                }
                else if (province.Province == LaiChau && i == 1)
                {
                    var step = definition.Steps[0];
                    events.Add(new TaskCreated("task-001", OrgRestructure.Workflows.State.CaseState.RootBranchId, step.Id, step.Kind, step.Title, step.Task!.AssigneeRole, [], null, at.AddDays(5), null, null, [], [], at));
                }

                await host.Store.AppendAsync(new AppendRequest(
                    caseId, AppendRequest.NoStream, [.. events.Select(e => new NewEvent(EventTypeRegistry.NameOf(e), EventTypeRegistry.Serialize(e)))], new EventMetadata("seed", "administrator", Guid.NewGuid())));
            }
        }

        using var central = await host.ClientAsync(Central);
        await central.GetAsync("/api/dashboard/national");
        var timer = Stopwatch.StartNew();
        var national = (await central.GetFromJsonAsync<JsonObject>("/api/dashboard/national"))!;
        var nationalTime = timer.Elapsed;
        timer.Restart();
        var city = await central.GetAsync($"/api/dashboard/national/{Escaped("Thành phố Hồ Chí Minh")}");
        output.WriteLine($"national dashboard {nationalTime.TotalMilliseconds:F1} ms; Ho Chi Minh City (168 units, first page of 50) {timer.Elapsed.TotalMilliseconds:F1} ms");
        var page = await central.GetStringAsync("/national");

        var rows = national["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var laiChau = rows.Single(r => r["province"]!.GetValue<string>() == LaiChau);
        Assert.Equal(34, national["provinces"]!.GetValue<int>());
        Assert.Equal(3321, national["unitsPlanned"]!.GetValue<int>());
        Assert.Equal(34, rows.Count(r => r["unitsPlanned"]!.GetValue<int>() > 0));
        Assert.Equal(126, rows.Single(r => r["province"]!.GetValue<string>() == "Hà Nội")["unitsPlanned"]!.GetValue<int>());
        Assert.Equal((38, 1, 1), (laiChau["unitsPlanned"]!.GetValue<int>(), laiChau["committeesFormed"]!.GetValue<int>(), laiChau["overdue"]!.GetValue<int>()));
        Assert.Equal((1, 1), (national["committeesFormed"]!.GetValue<int>(), national["overdue"]!.GetValue<int>()));
        Assert.Contains("<span id=\"national-units\">3321</span>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, city.StatusCode);
        Assert.Contains($"<a href=\"/national/{Escaped(LaiChau)}\">{LaiChau}</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_central_board_launches_a_province_and_reads_its_units_and_cases_which_another_province_may_not()
    {
        await using var host = await ServerHost.StartAsync();
        using var central = await host.ClientAsync(Central);
        using var provinceBoard = await host.ClientAsync("tinh.bantochuc");
        using var district = await host.ClientAsync("duyxuyen.thuongvu");
        var file = await File.ReadAllTextAsync(NationalCampaign.File);
        var firstUnit = NationalPlanReader.Read(file).Value.Provinces.Single(p => p.Province == LaiChau).Units.OrderBy(u => u.Id, StringComparer.Ordinal).First();

        var launch = await central.PostAsync($"/api/campaigns/national?province={Escaped(LaiChau)}", Plan(file));
        var province = (await central.GetFromJsonAsync<JsonObject>($"/api/dashboard/national/{Escaped(LaiChau)}"))!;
        var unit = province["units"]!.AsArray()[0]!.AsObject();
        var caseId = unit["caseId"]!.GetValue<string>();
        var caseByCentral = await central.GetAsync($"/api/cases/{caseId}");
        var caseByOtherProvince = await provinceBoard.GetAsync($"/api/cases/{caseId}");
        var unitsByOtherProvince = await provinceBoard.GetAsync($"/api/dashboard/national/{Escaped(LaiChau)}");
        var ownNational = (await provinceBoard.GetFromJsonAsync<JsonObject>("/api/dashboard/national"))!;
        var byDistrict = await district.GetAsync("/api/dashboard/national");
        var listByOtherProvince = await provinceBoard.GetStringAsync("/api/cases?limit=500");
        var casesPage = await central.GetStringAsync("/cases");
        var provincePage = await central.GetStringAsync($"/national/{Escaped(LaiChau)}");

        Assert.Equal(HttpStatusCode.OK, launch.StatusCode);
        Assert.Equal(38, (await launch.Content.ReadFromJsonAsync<JsonObject>())!["launch"]!["created"]!.GetValue<int>());
        Assert.Equal(38, province["progress"]!["unitsPlanned"]!.GetValue<int>());
        Assert.Equal(38, province["unitsByStatus"]!["Running"]!.GetValue<int>());
        Assert.Equal((firstUnit.Id, firstUnit.Name, "1/4"), (unit["unit"]!.GetValue<string>(), unit["name"]!.GetValue<string>(), unit["stepLabel"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, caseByCentral.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, caseByOtherProvince.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unitsByOtherProvince.StatusCode);
        Assert.Equal("Quảng Nam", Assert.Single(ownNational["rows"]!.AsArray())!["province"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byDistrict.StatusCode);
        Assert.DoesNotContain(caseId, listByOtherProvince, StringComparison.Ordinal);
        // The case list names the unit, not its code, and counts the steps of the unit's own procedure.
        Assert.Contains($">{firstUnit.Name}</a>", casesPage, StringComparison.Ordinal);
        Assert.DoesNotContain($">{firstUnit.Id}</a>", casesPage, StringComparison.Ordinal);
        Assert.Contains("1/4", casesPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/7", casesPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/cases/{caseId}\">{firstUnit.Name}</a>", provincePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_province_administrator_cannot_make_a_central_board_account()
    {
        await using var host = await ServerHost.StartAsync();
        using var admin = await host.ClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/accounts", new { userName = "tw.moi", displayName = "Ban Tổ chức Trung ương", role = "CentralOrganizationBoard", password = "MatKhau@2025x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("người vận hành", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
