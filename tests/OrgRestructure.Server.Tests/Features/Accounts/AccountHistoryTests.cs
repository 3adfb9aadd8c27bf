using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Verification;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Tests.Features.Auth;

namespace OrgRestructure.Server.Tests.Features.Accounts;

/// <summary>Every change to an account is a sealed event of the hash-chained accounts stream: who, what, when.</summary>
public sealed class AccountHistoryTests : AdministratorSession
{
    private const string FirstPassword = "Mat-khau-moi-2014";
    private const string ResetPassword = "Mat-khau-dat-lai-2014";
    private const string OwnPassword = "Mat-khau-cua-toi-2014";

    [Fact]
    public async Task creating_disabling_enabling_re_scoping_and_resetting_an_account_are_chained_events_naming_who_did_them()
    {
        await WalkAnAccountThroughEveryChangeAsync();

        var history = (await Admin.GetFromJsonAsync<JsonArray>("/api/accounts/duyxuyen.thuky/history"))!;
        Assert.Equal(
            ["AccountCreated", "AccountDisabled", "AccountEnabled", "AccountRoleChanged", "AccountPasswordReset", "AccountPasswordChanged"],
            history.Select(h => h!["kind"]!.GetValue<string>()));
        Assert.Equal(["admin", "admin", "admin", "admin", "admin", "duyxuyen.thuky"], history.Select(h => h!["actor"]!.GetValue<string>()));
        Assert.Contains("Người duyệt (Duy Xuyên) → Ban Tổ chức huyện ủy (Thăng Bình)", history[3]!["summaryVi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Reviewer (Duy Xuyên) → District organization board (Thăng Bình)", history[3]!["summaryEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(history, h => Assert.InRange(h!["at"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow));

        var stream = await Host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(AccountHistory.StreamId);
        var verdict = await Host.Services.GetRequiredService<IStoreVerifier>().VerifyStreamAsync(AccountHistory.StreamId);
        Assert.True(verdict.IsValid, verdict.FirstFailure?.ToString());
        Assert.Equal(6, verdict.EventsChecked);
        Assert.All(stream.Zip(stream.Skip(1)), pair => Assert.Equal(pair.First.Hash, pair.Second.PreviousHash));
        Assert.All(stream, e => Assert.DoesNotContain("Mat-khau", e.Data, StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_refused_change_records_nothing()
    {
        using var created = await CreateAsync();
        using var taken = await CreateAsync();
        using var selfDisable = await Admin.PostAsync("/api/accounts/admin/disable", null);
        using var badRole = await Admin.PostAsJsonAsync("/api/accounts/duyxuyen.thuky/role", new { role = "Secretary" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity), (created.StatusCode, taken.StatusCode, selfDisable.StatusCode, badRole.StatusCode));
        Assert.Single((await Host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(AccountHistory.StreamId))!);
        Assert.Empty((await Admin.GetFromJsonAsync<JsonArray>("/api/accounts/admin/history"))!);
    }

    [Fact]
    public async Task the_accounts_page_shows_an_accounts_history_in_the_pages_language()
    {
        await WalkAnAccountThroughEveryChangeAsync();
        using var browser = await AuthClient.BrowserAsync(Host, "admin");

        var vietnamese = await browser.GetStringAsync("/accounts?history=duyxuyen.thuky");
        await browser.GetAsync("/lang/en?returnUrl=/accounts");
        var english = await browser.GetStringAsync("/accounts?history=duyxuyen.thuky");

        Assert.Contains("href=\"/accounts?history=duyxuyen.thuky#history\"", vietnamese, StringComparison.Ordinal);
        Assert.Contains("Lịch sử tài khoản", vietnamese, StringComparison.Ordinal);
        Assert.Matches("data-kind=\"AccountCreated\">[\\s\\S]*?Tạo tài khoản: Người duyệt, Duy Xuyên[\\s\\S]*?admin", vietnamese);
        Assert.Matches("data-kind=\"AccountPasswordChanged\">[\\s\\S]*?Người dùng tự đổi mật khẩu[\\s\\S]*?duyxuyen.thuky", vietnamese);
        Assert.Contains("History of the account", english, StringComparison.Ordinal);
        Assert.Contains("Disabled (signed out everywhere)", english, StringComparison.Ordinal);
    }

    private async Task WalkAnAccountThroughEveryChangeAsync()
    {
        using var created = await CreateAsync();
        using var disabled = await Admin.PostAsync("/api/accounts/duyxuyen.thuky/disable", null);
        using var enabled = await Admin.PostAsync("/api/accounts/duyxuyen.thuky/enable", null);
        using var moved = await Admin.PostAsJsonAsync("/api/accounts/duyxuyen.thuky/role", new { role = "DistrictOrganizationBoard", district = "Thăng Bình" });
        using var reset = await Admin.PostAsJsonAsync("/api/accounts/duyxuyen.thuky/password", new { password = ResetPassword });
        using var clerk = await AuthClient.SignedInAsync(Host, "duyxuyen.thuky", ResetPassword);
        using var own = await clerk.PostAsJsonAsync("/api/auth/password", new { currentPassword = ResetPassword, newPassword = OwnPassword });
        Assert.All([created, disabled, enabled, moved, reset, own], r => Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage!.RequestUri}: {(int)r.StatusCode}"));
    }

    private Task<HttpResponseMessage> CreateAsync() =>
        Admin.PostAsJsonAsync("/api/accounts", new { userName = "duyxuyen.thuky", displayName = "Thư ký Duy Xuyên", role = "Reviewer", district = "Duy Xuyên", password = FirstPassword });
}
