using System.Net;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Auth;

/// <summary>The password page every signed-in user reaches from the header: current, new, new again.</summary>
public sealed class PasswordPageTests : IAsyncLifetime
{
    private const string NewPassword = "Mat-khau-cua-toi-2014";
    private ServerHost _host = null!;

    public async Task InitializeAsync() => _host = await ServerHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("duyxuyen.reviewer")]
    [InlineData("auditor")]
    public async Task a_user_changes_their_password_on_the_page_linked_from_the_header_and_only_the_new_one_signs_in(string user)
    {
        using var browser = await AuthClient.BrowserAsync(_host, user);
        using var elsewhere = await AuthClient.SignedInAsync(_host, user);
        var inbox = await browser.GetStringAsync("/inbox");

        using var changed = await Change(browser, ServerHost.Password, NewPassword, NewPassword);
        using var page = await browser.GetAsync("/password");

        Assert.Contains("href=\"/password\" id=\"nav-password\"", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Đã đổi mật khẩu", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthClient.TokenAsync(_host, user, ServerHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(_host, user, NewPassword)).StatusCode);
    }

    [Theory]
    [InlineData("sai-mat-khau-cu", NewPassword, NewPassword, "currentPassword", "Không đúng", "wrong")]
    [InlineData(ServerHost.Password, "ngan", "ngan", "newPassword", "Mật khẩu cần ít nhất 10 ký tự", "at least 10 characters")]
    [InlineData(ServerHost.Password, NewPassword, "Mat-khau-khac-2014", "confirmPassword", "Không khớp với mật khẩu mới", "does not match the new password")]
    public async Task a_refused_change_names_the_field_and_why_in_the_pages_language_and_keeps_the_old_password(
        string current, string next, string confirm, string field, string vietnamese, string english)
    {
        using var browser = await AuthClient.BrowserAsync(_host, "phuocson.bantochuc");

        using var inVietnamese = await Change(browser, current, next, confirm);
        var vi = await inVietnamese.Content.ReadAsStringAsync();
        await browser.GetAsync("/lang/en?returnUrl=/password");
        using var inEnglish = await Change(browser, current, next, confirm);
        var en = await inEnglish.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, inVietnamese.StatusCode);
        Assert.Matches($"id=\"{field}-error\">[^<]*{vietnamese}", vi);
        Assert.Contains("Chưa đổi được mật khẩu", vi, StringComparison.Ordinal);
        Assert.Matches($"id=\"{field}-error\">[^<]*{english}", en);
        Assert.DoesNotContain(field + "<", en, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(_host, "phuocson.bantochuc", ServerHost.Password)).StatusCode);
    }

    [Fact]
    public async Task a_change_posted_without_the_pages_antiforgery_token_is_refused()
    {
        using var browser = await AuthClient.BrowserAsync(_host, "thangbinh.ubkt");

        using var forged = await browser.PostAsync("/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["currentPassword"] = ServerHost.Password,
            ["newPassword"] = NewPassword,
            ["confirmPassword"] = NewPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(_host, "thangbinh.ubkt", ServerHost.Password)).StatusCode);
    }

    private static Task<HttpResponseMessage> Change(HttpClient browser, string current, string next, string confirm) =>
        AuthClient.PostFormAsync(browser, "/password", "/password", new()
        {
            ["currentPassword"] = current,
            ["newPassword"] = next,
            ["confirmPassword"] = confirm,
        });
}
