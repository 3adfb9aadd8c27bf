using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Features.Auth;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Accounts;

/// <summary>A province's administrator manages the province's accounts through /api/accounts.</summary>
public sealed class AccountManagementTests : AdministratorSession
{
    private const string NewPassword = "Mat-khau-moi-2014";

    [Fact]
    public async Task an_added_account_signs_in_with_the_role_and_district_it_was_given()
    {
        using var created = await CreateAsync("duyxuyen.thuky", "Reviewer", "Duy Xuyên");
        var view = await created.Content.ReadFromJsonAsync<JsonObject>();
        using var clerk = await AuthClient.SignedInAsync(Host, "duyxuyen.thuky", NewPassword);
        var me = await clerk.GetFromJsonAsync<JsonObject>("/api/auth/me");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Quảng Nam", view!["province"]!.GetValue<string>());
        Assert.Equal(("Reviewer", "Duy Xuyên", "Quảng Nam"), (me!["role"]!.GetValue<string>(), me["district"]!.GetValue<string>(), me["province"]!.GetValue<string>()));
        var listed = await Admin.GetFromJsonAsync<JsonArray>("/api/accounts");
        Assert.Contains(listed!, a => a!["userName"]!.GetValue<string>() == "duyxuyen.thuky" && a["lastSignIn"] is not null);
    }

    [Fact]
    public async Task only_anAdministrator_manages_accounts()
    {
        using var board = await AuthClient.SignedInAsync(Host, "tinh.bantochuc");

        using var list = await board.GetAsync("/api/accounts");
        using var disable = await board.PostAsync("/api/accounts/auditor/disable", null);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(Host, "auditor", ServerHost.Password)).StatusCode);
    }

    [Fact]
    public async Task a_user_name_taken_in_any_letter_case_is_refused_with_409()
    {
        using var first = await CreateAsync("thangbinh.thuky", "Reviewer", "Thăng Bình");
        using var again = await Admin.PostAsJsonAsync("/api/accounts", new { userName = "thangbinh.thuky", displayName = "Khác", role = "Auditor", password = NewPassword });
        using var upper = await Admin.PostAsJsonAsync("/api/accounts", new { userName = "admin", displayName = "Khác", role = "Auditor", password = NewPassword });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, upper.StatusCode);
        Assert.Contains("đã có", (await again.Content.ReadFromJsonAsync<JsonObject>())!["messageVi"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Thư ký", "Reviewer", "Duy Xuyên", "ngan", "password")]
    [InlineData("Thư ký", "Secretary", "Duy Xuyên", NewPassword, "role")]
    [InlineData("Thư ký", "Reviewer", null, NewPassword, "district")]
    [InlineData("", "Reviewer", "Duy Xuyên", NewPassword, "displayName")]
    public async Task bad_account_data_is_refused_with_422_naming_the_field_in_both_languages(string displayName, string role, string? district, string password, string field)
    {
        using var response = await Admin.PostAsJsonAsync("/api/accounts", new { userName = "phuocson.moi", displayName, role, district, password });
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(" / ", problem!["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem["messageVi"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthClient.TokenAsync(Host, "phuocson.moi", password)).StatusCode);
    }

    [Fact]
    public async Task a_disabled_account_loses_its_tokens_and_its_sign_in_until_enabled_again()
    {
        using var reviewer = await AuthClient.SignedInAsync(Host, "phuocson.reviewer");

        using var disabled = await Admin.PostAsync("/api/accounts/phuocson.reviewer/disable", null);
        var refusedToken = await reviewer.GetAsync("/api/tasks");
        var refusedSignIn = await AuthClient.TokenAsync(Host, "phuocson.reviewer", ServerHost.Password);
        using var enabled = await Admin.PostAsync("/api/accounts/phuocson.reviewer/enable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonObject>())!["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, refusedToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(Host, "phuocson.reviewer", ServerHost.Password)).StatusCode);
    }

    [Fact]
    public async Task a_new_role_or_district_signs_the_account_out_and_holds_at_its_next_sign_in()
    {
        using var before = await AuthClient.SignedInAsync(Host, "thangbinh.reviewer");

        using var changed = await Admin.PostAsJsonAsync("/api/accounts/thangbinh.reviewer/role", new { role = "DistrictOrganizationBoard", district = "Duy Xuyên" });
        using var after = await AuthClient.SignedInAsync(Host, "thangbinh.reviewer");
        var me = await after.GetFromJsonAsync<JsonObject>("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(("DistrictOrganizationBoard", "Duy Xuyên"), (me!["role"]!.GetValue<string>(), me["district"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_password_reset_replaces_the_old_password_and_lifts_a_lock()
    {
        for (var i = 0; i < 10; i++)
        {
            await AuthClient.TokenAsync(Host, "duyxuyen.ubkt", "sai-mat-khau");
        }

        using var reset = await Admin.PostAsJsonAsync("/api/accounts/duyxuyen.ubkt/password", new { password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthClient.TokenAsync(Host, "duyxuyen.ubkt", ServerHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(Host, "duyxuyen.ubkt", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task anAdministrator_cannot_disable_their_own_account_nor_touch_another_provinces()
    {
        await Host.Services.GetRequiredService<OrgRestructure.Server.Features.Auth.UserDirectory>().AddAsync(
            new OrgRestructure.Server.Features.Auth.Caller("danang.reviewer", "Đà Nẵng", OrgRestructure.Server.Features.Auth.Role.Reviewer, "Đà Nẵng", "Hải Châu"), NewPassword);

        using var self = await Admin.PostAsync("/api/accounts/admin/disable", null);
        using var foreign = await Admin.PostAsync("/api/accounts/danang.reviewer/disable", null);
        var listed = await Admin.GetFromJsonAsync<JsonArray>("/api/accounts");

        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain(listed!, a => a!["userName"]!.GetValue<string>() == "danang.reviewer");
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(Host, "danang.reviewer", NewPassword)).StatusCode);
    }

    [Fact]
    public async Task the_language_chosen_in_the_ui_is_saved_on_the_account_its_e_mails_follow()
    {
        using var reviewer = await AuthClient.SignedInAsync(Host, "duyxuyen.reviewer");
        using var choice = await reviewer.GetAsync("/lang/en?returnUrl=/inbox");
        var me = await reviewer.GetFromJsonAsync<JsonObject>("/api/auth/me");

        Assert.Equal("en", me!["language"]!.GetValue<string>());
        Assert.Equal("en", Host.Services.GetRequiredService<OrgRestructure.Server.Features.Auth.UserDirectory>().LanguageOf("duyxuyen.reviewer"));
    }

    [Fact]
    public async Task on_the_accounts_page_theAdministrator_adds_and_disables_accounts_and_no_one_else_opens_it()
    {
        using var admin = await AuthClient.BrowserAsync(Host, "admin");
        using var board = await AuthClient.BrowserAsync(Host, "tinh.bantochuc");

        using var added = await AuthClient.PostFormAsync(admin, "/accounts", "/accounts?handler=Create", new()
        {
            ["Form.UserName"] = "thangbinh.vanthu",
            ["Form.DisplayName"] = "Văn thư Thăng Bình",
            ["Form.Role"] = "Reviewer",
            ["Form.District"] = "Thăng Bình",
            ["Form.Password"] = NewPassword,
        });
        using var refused = await AuthClient.PostFormAsync(admin, "/accounts", "/accounts?handler=Create", new()
        {
            ["Form.UserName"] = "thangbinh.vanthu2",
            ["Form.DisplayName"] = "Văn thư",
            ["Form.Role"] = "Reviewer",
            ["Form.Password"] = NewPassword,
        });
        using var disabled = await AuthClient.PostFormAsync(admin, "/accounts", "/accounts?handler=Disable&userName=thangbinh.vanthu", []);
        var page = await admin.GetStringAsync("/accounts");
        using var notForBoard = await board.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("a district role needs its district", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Matches("data-user=\"thangbinh.vanthu\">[\\s\\S]*?Đã vô hiệu hóa", page);
        Assert.Equal(HttpStatusCode.Forbidden, notForBoard.StatusCode);
        Assert.Contains("This page is for another role.", await notForBoard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await AuthClient.TokenAsync(Host, "thangbinh.vanthu", NewPassword)).StatusCode);
    }

    private Task<HttpResponseMessage> CreateAsync(string userName, string role, string? district) =>
        Admin.PostAsJsonAsync("/api/accounts", new { userName, displayName = "Thư ký", email = $"{userName}@example.vn", role, district, password = NewPassword });
}
