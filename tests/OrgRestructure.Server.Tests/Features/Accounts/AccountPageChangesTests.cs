using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Features.Auth;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Accounts;

/// <summary>On /accounts the administrator changes an account's role and scope and resets its password, as the API does.</summary>
public sealed class AccountPageChangesTests : AdministratorSession
{
    private const string Page = "/accounts?account=thangbinh.reviewer";
    private const string ResetPassword = "Mat-khau-dat-lai-2014";

    [Fact]
    public async Task the_page_changes_an_accounts_role_and_district_and_records_it_in_its_history()
    {
        using var browser = await AuthClient.BrowserAsync(Host, "admin");
        using var before = await AuthClient.SignedInAsync(Host, "thangbinh.reviewer");
        var form = await browser.GetStringAsync(Page);

        using var changed = await AuthClient.PostFormAsync(browser, Page, "/accounts?handler=Role&userName=thangbinh.reviewer", new()
        {
            ["role"] = "DistrictOrganizationBoard",
            ["district"] = "Duy Xuyên",
        });
        var after = await browser.GetStringAsync(changed.Headers.Location!.OriginalString);

        Assert.Contains("data-confirm=\"Đổi vai trò, phạm vi của thangbinh.reviewer? Tài khoản sẽ bị đăng xuất ở mọi nơi.\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Reviewer\" selected=\"selected\">Người duyệt</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"CentralOrganizationBoard\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Đã đổi vai trò của thangbinh.reviewer: Ban Tổ chức huyện ủy, Duy Xuyên", after, StringComparison.Ordinal);
        Assert.Contains("Đổi vai trò: Người duyệt (Thăng Bình) → Ban Tổ chức huyện ủy (Duy Xuyên)", after, StringComparison.Ordinal);
        var account = await AccountAsync("thangbinh.reviewer");
        Assert.Equal(("DistrictOrganizationBoard", "Duy Xuyên"), (account["role"]!.GetValue<string>(), account["district"]!.GetValue<string>()));
        var history = (await Admin.GetFromJsonAsync<JsonArray>("/api/accounts/thangbinh.reviewer/history"))!;
        Assert.Equal(("AccountRoleChanged", "admin"), (history[^1]!["kind"]!.GetValue<string>(), history[^1]!["actor"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task the_page_resets_an_accounts_password_and_records_it_in_its_history()
    {
        using var browser = await AuthClient.BrowserAsync(Host, "admin");

        using var reset = await AuthClient.PostFormAsync(browser, Page, "/accounts?handler=Password&userName=thangbinh.reviewer", new()
        {
            ["password"] = ResetPassword,
            ["confirmPassword"] = ResetPassword,
        });
        var after = await browser.GetStringAsync(reset.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("Đã đặt lại mật khẩu của thangbinh.reviewer", after, StringComparison.Ordinal);
        Assert.Contains("Quản trị viên đặt lại mật khẩu", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthClient.TokenAsync(Host, "thangbinh.reviewer", ServerHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(Host, "thangbinh.reviewer", ResetPassword)).StatusCode);
        var history = (await Admin.GetFromJsonAsync<JsonArray>("/api/accounts/thangbinh.reviewer/history"))!;
        Assert.Equal(("AccountPasswordReset", "admin"), (Assert.Single(history)!["kind"]!.GetValue<string>(), history[0]!["actor"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Role", "role", "Reviewer", "district", "", "change-district-error", "Vai trò cấp huyện cần huyện", "a district role needs its district")]
    [InlineData("Password", "password", "ngan", "confirmPassword", "ngan", "reset-password-error", "Mật khẩu cần ít nhất 10 ký tự", "at least 10 characters")]
    [InlineData("Password", "password", ResetPassword, "confirmPassword", "Mat-khau-khac-2014", "reset-confirm-error", "Không khớp với mật khẩu mới", "does not match the new password")]
    public async Task a_refused_change_is_said_next_to_its_field_in_the_pages_language_and_changes_nothing(
        string handler, string field1, string value1, string field2, string value2, string errorId, string vietnamese, string english)
    {
        using var browser = await AuthClient.BrowserAsync(Host, "admin");
        var fields = new Dictionary<string, string> { [field1] = value1, [field2] = value2 };
        var action = $"/accounts?handler={handler}&userName=thangbinh.reviewer";

        using var inVietnamese = await AuthClient.PostFormAsync(browser, Page, action, new(fields));
        var vi = await inVietnamese.Content.ReadAsStringAsync();
        await browser.GetAsync("/lang/en?returnUrl=/accounts");
        using var inEnglish = await AuthClient.PostFormAsync(browser, Page, action, new(fields));
        var en = await inEnglish.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, inVietnamese.StatusCode);
        Assert.Matches($"id=\"{errorId}\">[^<]*{vietnamese}", vi);
        Assert.DoesNotMatch($"id=\"{errorId}\">[^<]*{english}", vi);
        Assert.Contains("Chưa thay đổi tài khoản thangbinh.reviewer", vi, StringComparison.Ordinal);
        Assert.Matches($"id=\"{errorId}\">[^<]*{english}", en);
        Assert.DoesNotContain("<small class=\"error\">" + english, en, StringComparison.Ordinal);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonArray>("/api/accounts/thangbinh.reviewer/history"))!);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(Host, "thangbinh.reviewer", ServerHost.Password)).StatusCode);
    }

    private async Task<JsonObject> AccountAsync(string userName) =>
        (await Admin.GetFromJsonAsync<JsonArray>("/api/accounts"))!.Single(a => a!["userName"]!.GetValue<string>() == userName)!.AsObject();
}
