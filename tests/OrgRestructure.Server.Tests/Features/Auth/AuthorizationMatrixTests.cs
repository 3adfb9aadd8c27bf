using System.Net.Http.Json;
using System.Text;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace OrgRestructure.Server.Tests.Features.Auth;

/// <summary>
/// One server with the pilot launched. The target is Duy Xuyên's case and its first committee's
/// open step-1 task (the engine names both; paths use the placeholders {case} and {task}).
/// "In scope" is a Duy Xuyên (district roles) or Quảng Nam (province-wide roles) account;
/// "out of scope" is a Thăng Bình account or one of another province. POST bodies are well formed
/// but incomplete, so a permitted caller gets 422 (or 409) and nothing changes.
/// </summary>
public sealed class MatrixHost : IAsyncLifetime
{
    public const string OtherProvince = "Đà Nẵng";

    public ServerHost Host { get; private set; } = null!;

    public string CaseId { get; private set; } = string.Empty;

    public string TaskId { get; private set; } = string.Empty;

    public string Resolve(string path) => path.Replace(AuthorizationMatrixTests.Case, CaseId, StringComparison.Ordinal).Replace(AuthorizationMatrixTests.Task1, TaskId, StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        Host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(Host);
        CaseId = await Scenario.CaseIdAsync(Host);
        using (var board = await Host.ClientAsync("duyxuyen.thuongvu"))
        {
            TaskId = (await Scenario.OpenTasksAsync(board, CaseId, "slate"))[0];
        }

        var users = Host.Services.GetRequiredService<UserDirectory>();
        foreach (var role in Roles.All.Where(Roles.IsProvinceWide))
        {
            await users.AddAsync(new Caller("danang." + role, "Đà Nẵng " + role, role, OtherProvince, null), ServerHost.Password);
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static string UserFor(Role role, bool inScope) => (role, inScope) switch
    {
        // The central board has no "out of scope": every province is its own.
        (Role.CentralOrganizationBoard, _) => "trunguong.bantochuc",
        (Role.ProvinceOrganizationBoard, true) => "tinh.bantochuc",
        (Role.Auditor, true) => "auditor",
        (Role.Administrator, true) => "admin",
        (_, false) when Roles.IsProvinceWide(role) => "danang." + role,
        (Role.DistrictStandingCommittee, _) => (inScope ? "duyxuyen" : "thangbinh") + ".thuongvu",
        (Role.DistrictOrganizationBoard, _) => (inScope ? "duyxuyen" : "thangbinh") + ".bantochuc",
        (Role.InspectionCommittee, _) => (inScope ? "duyxuyen" : "thangbinh") + ".ubkt",
        _ => (inScope ? "duyxuyen" : "thangbinh") + ".reviewer",
    };
}

public sealed class AuthorizationMatrixTests(MatrixHost fixture) : IClassFixture<MatrixHost>
{
    public const string Case = "{case}";
    public const string Task1 = "{task}";

    /// <summary>Endpoint → (role, in scope) → the statuses that are right.</summary>
    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "GET", $"/api/cases/{Case}", "" },
        { "GET", "/api/cases", "" },
        { "GET", "/api/tasks", "" },
        { "GET", "/api/dashboard", "" },
        { "GET", "/api/dashboard/national", "" },
        { "GET", "/api/notifications", "" },
        { "GET", "/api/campaigns/current", "" },
        { "GET", "/api/surveys/current/plan", "" },
        { "GET", "/api/definitions", "" },
        { "GET", $"/api/definitions/party-committee-formation/diagram?caseId={Case}", "" },
        { "GET", $"/api/audit/{Case}/history", "" },
        { "GET", $"/api/audit/{Case}/state?version=1", "" },
        { "GET", $"/api/audit/{Case}/verify", "" },
        { "GET", $"/api/audit/{Case}/export?format=csv", "" },
        { "GET", $"/api/audit/{Case}/export?format=html&version=1", "" },
        { "GET", $"/api/cases/{Case}/dossier?version=2", "" },
        { "GET", $"/api/cases/{Case}/tasks/{Task1}", "" },
        { "GET", "/api/auth/me", "" },
        { "POST", "/api/surveys", "{}" },
        { "POST", "/api/campaigns/current/pilot", "{\"districts\":[]}" },
        { "POST", "/api/cases", "{\"district\":\"Duy Xuyên\"}" },
        { "POST", $"/api/cases/{Case}/cancel", "{\"reason\":\"\"}" },
        { "POST", $"/api/cases/{Case}/tasks/{Task1}/complete", "{\"data\":{}}" },
        { "POST", $"/api/cases/{Case}/tasks/{Task1}/release", "{}" },
        { "POST", $"/api/cases/{Case}/tasks/{Task1}/reassign", "{\"userName\":\"nobody\"}" },
        { "POST", "/api/tasks/preview-tally", "{}" },
        { "POST", "/api/tasks/preview-election", "{}" },
        { "POST", "/api/notifications/read", "{\"ids\":[]}" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task every_role_in_and_out_of_scope_gets_the_right_status(string method, string path, string body)
    {
        var wrong = new List<string>();
        foreach (var role in Roles.All)
        {
            foreach (var inScope in new[] { true, false })
            {
                using var client = await fixture.Host.ClientAsync(MatrixHost.UserFor(role, inScope));
                using var request = new HttpRequestMessage(new HttpMethod(method), fixture.Resolve(path));
                if (method == "POST")
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                var before = await fixture.Host.TotalEventsAsync();
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var allowed = Expected(method, path, role, inScope);
                if (!allowed.Contains(status))
                {
                    wrong.Add($"{role} {(inScope ? "in" : "out of")} scope: {status}, expected {string.Join("/", allowed)} — {await response.Content.ReadAsStringAsync()}");
                }

                if (method == "POST" && await fixture.Host.TotalEventsAsync() != before)
                {
                    wrong.Add($"{role} {(inScope ? "in" : "out of")} scope: appended events");
                }

                if (method == "GET" && path == "/api/cases" && status == 200)
                {
                    var sees = (await response.Content.ReadAsStringAsync()).Contains(fixture.CaseId, StringComparison.Ordinal);
                    if (sees != (inScope || Roles.IsNational(role)))
                    {
                        wrong.Add($"{role} {(inScope ? "in" : "out of")} scope: case list {(sees ? "shows" : "hides")} {fixture.CaseId}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{method} {path}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task a_district_a_reviewer_gets_404_for_district_b_case_and_an_auditor_post_is_403()
    {
        using var reviewer = await fixture.Host.ClientAsync("thangbinh.reviewer");
        using var auditor = await fixture.Host.ClientAsync("auditor");

        var hidden = await reviewer.GetAsync($"/api/cases/{fixture.CaseId}");
        var refused = await auditor.PostAsJsonAsync($"/api/cases/{fixture.CaseId}/cancel", new { reason = "kiểm tra" });

        Assert.Equal(404, (int)hidden.StatusCode);
        Assert.Equal(403, (int)refused.StatusCode);
        Assert.Contains("chỉ được xem", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task anonymous_callers_get_401_on_every_endpoint()
    {
        using var anonymous = fixture.Host.Anonymous();
        foreach (var row in Endpoints)
        {
            var (method, path, body) = ((string)row[0], (string)row[1], (string)row[2]);
            using var request = new HttpRequestMessage(new HttpMethod(method), fixture.Resolve(path));
            if (method == "POST")
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await anonymous.SendAsync(request);
            Assert.True((int)response.StatusCode == 401, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    private static int[] Expected(string method, string path, Role role, bool inScope)
    {
        if (Roles.IsNational(role))
        {
            // Reads every province's case; has no province survey; changes nothing in a province (its launches are national).
            return (method, path) switch
            {
                ("GET", "/api/surveys/current/plan") => [404],
                ("GET", _) => [200],
                (_, "/api/tasks/preview-tally" or "/api/tasks/preview-election" or "/api/notifications/read") => [422],
                _ => [403],
            };
        }

        var caseBound = path.Contains(Case, StringComparison.Ordinal) && !path.StartsWith("/api/cases?", StringComparison.Ordinal);
        if (method == "GET")
        {
            if (path == "/api/surveys/current/plan")
            {
                return inScope || !Roles.IsProvinceWide(role) ? [200] : [404];
            }

            if (path == "/api/dashboard/national")
            {
                return Roles.IsProvinceWide(role) ? [200] : [403];
            }

            return caseBound && !inScope ? [404] : [200];
        }

        if (role == Role.Auditor)
        {
            return [403];
        }

        var provinceBoard = role is Role.ProvinceOrganizationBoard or Role.Administrator;
        return path switch
        {
            "/api/surveys" => provinceBoard ? [422] : [403],
            "/api/campaigns/current/pilot" => provinceBoard ? (inScope ? [422] : [409]) : [403],
            "/api/cases" => !inScope ? (provinceBoard ? [409] : role is Role.DistrictStandingCommittee ? [404] : [403]) : (provinceBoard || role is Role.DistrictStandingCommittee ? [409] : [403]),
            "/api/tasks/preview-tally" or "/api/tasks/preview-election" or "/api/notifications/read" => [422],
            _ when !inScope => [404],
            _ when path.EndsWith("/cancel", StringComparison.Ordinal) => provinceBoard || role is Role.DistrictStandingCommittee ? [422] : [403],
            // Step 1 is for the standing committee, with the organization board as its candidate group.
            _ when path.EndsWith("/complete", StringComparison.Ordinal) => role is Role.Administrator or Role.DistrictStandingCommittee or Role.DistrictOrganizationBoard ? [422] : [403],
            _ when path.EndsWith("/release", StringComparison.Ordinal) => role is Role.Administrator or Role.DistrictStandingCommittee or Role.DistrictOrganizationBoard ? [409] : [403],
            _ when path.EndsWith("/reassign", StringComparison.Ordinal) => provinceBoard || role is Role.DistrictStandingCommittee or Role.DistrictOrganizationBoard ? [422] : [403],
            _ => [0],
        };
    }
}
