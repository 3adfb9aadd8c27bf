using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Auth;

public sealed class FrontDoorTests
{
    [Fact]
    public async Task ten_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused_for_a_while()
    {
        await using var host = await ServerHost.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var wrong = await AuthClient.TokenAsync(host, "duyxuyen.reviewer", "sai-mat-khau");
            statuses.Add(wrong.StatusCode);
        }

        using var right = await AuthClient.TokenAsync(host, "duyxuyen.reviewer", ServerHost.Password);
        var problem = await right.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 9).Append(HttpStatusCode.Locked), statuses);
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
        Assert.Contains("tạm khóa", problem!["messageVi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("15 minutes", problem["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);

        // Another account is not caught by the lock.
        using var other = await AuthClient.TokenAsync(host, "duyxuyen.ubkt", ServerHost.Password);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task sign_ins_over_the_limit_per_minute_are_refused_with_429_until_the_minute_passes()
    {
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string> { ["FrontDoor:SignInsPerMinute"] = "3" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await AuthClient.TokenAsync(host, "auditor", i == 0 ? ServerHost.Password : "sai-mat-khau");
            statuses.Add(attempt.StatusCode);
            if (i == 3)
            {
                var problem = await attempt.Content.ReadFromJsonAsync<JsonObject>();
                Assert.Contains("Quá nhiều lần đăng nhập", problem!["messageVi"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.True(problem["retryable"]!.GetValue<bool>());
                Assert.Equal("60", attempt.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task a_password_change_signs_out_every_token_and_only_the_new_password_signs_in()
    {
        await using var host = await ServerHost.StartAsync();
        using var first = await AuthClient.SignedInAsync(host, "phuocson.bantochuc");
        using var second = await AuthClient.SignedInAsync(host, "phuocson.bantochuc");

        using var tooShort = await second.PostAsJsonAsync("/api/auth/password", new { currentPassword = ServerHost.Password, newPassword = "ngan" });
        using var wrongCurrent = await second.PostAsJsonAsync("/api/auth/password", new { currentPassword = "sai-mat-khau", newPassword = "Mat-khau-moi-2014" });
        using var changed = await second.PostAsJsonAsync("/api/auth/password", new { currentPassword = ServerHost.Password, newPassword = "Mat-khau-moi-2014" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongCurrent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthClient.TokenAsync(host, "phuocson.bantochuc", ServerHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AuthClient.TokenAsync(host, "phuocson.bantochuc", "Mat-khau-moi-2014")).StatusCode);
    }

    [Fact]
    public async Task an_auditor_changes_nothing_by_policy_but_may_change_their_own_password()
    {
        await using var host = await ServerHost.StartAsync();
        using var auditor = await AuthClient.SignedInAsync(host, "auditor");

        using var refused = await auditor.PostAsJsonAsync("/api/cases", new { district = "Duy Xuyên" });
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        using var password = await auditor.PostAsJsonAsync("/api/auth/password", new { currentPassword = ServerHost.Password, newPassword = "Kiem-toan-2014" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Kiểm toán viên chỉ được xem, không được thay đổi dữ liệu.", problem!["messageVi"]!.GetValue<string>());
        Assert.Equal("Auditors are read-only: they cannot change anything.", problem["messageEn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, password.StatusCode);
    }

    [Fact]
    public async Task a_revoked_token_is_refused_while_other_tokens_of_the_account_still_work()
    {
        await using var host = await ServerHost.StartAsync();
        using var kept = await AuthClient.SignedInAsync(host, "thangbinh.ubkt");
        using var revoked = await AuthClient.SignedInAsync(host, "thangbinh.ubkt");

        Assert.Equal(HttpStatusCode.NoContent, (await revoked.PostAsync("/api/auth/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task a_token_is_kept_only_as_its_hash_in_the_store_database()
    {
        await using var host = await ServerHost.StartAsync();
        using var response = await AuthClient.TokenAsync(host, "admin", ServerHost.Password);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();

        var bytes = await File.ReadAllBytesAsync(Path.Combine(host.DataDirectory, "orgrestructure.db"));
        var wal = Path.Combine(host.DataDirectory, "orgrestructure.db-wal");
        var all = System.Text.Encoding.ASCII.GetString(bytes) + (File.Exists(wal) ? System.Text.Encoding.ASCII.GetString(await ReadSharedAsync(wal)) : string.Empty);

        Assert.DoesNotContain(token, all, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), all, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "keys")), "data-protection keys belong in the store, not the node's directory");
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
