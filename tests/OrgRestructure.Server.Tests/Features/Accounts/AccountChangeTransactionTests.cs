using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Tests.Features.Auth;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Accounts;

/// <summary>An account's change and the history event recording it are one transaction: never a change nobody can trace.</summary>
public sealed class AccountChangeTransactionTests
{
    [Fact]
    public async Task a_re_scope_whose_history_event_cannot_be_stored_leaves_the_account_as_it_was()
    {
        await using var host = await ServerHost.StartAsync(services: s => s.AddInlineProjection<RefusesRoleChanges>());
        using var admin = await AuthClient.SignedInAsync(host, "admin");
        using var created = await admin.PostAsJsonAsync("/api/accounts", new { userName = "duyxuyen.thuky", displayName = "Thư ký Duy Xuyên", role = "Reviewer", district = "Duy Xuyên", password = "Mat-khau-moi-2014" });
        Assert.True(created.IsSuccessStatusCode, $"{(int)created.StatusCode}");

        using var moved = await admin.PostAsJsonAsync("/api/accounts/duyxuyen.thuky/role", new { role = "DistrictOrganizationBoard", district = "Thăng Bình" });

        Assert.False(moved.IsSuccessStatusCode);
        var account = await host.Services.GetRequiredService<AccountStore>().FindAsync("duyxuyen.thuky");
        Assert.Equal(("Reviewer", "Duy Xuyên"), (account!.Role, account.District));
        var history = (await admin.GetFromJsonAsync<JsonArray>("/api/accounts/duyxuyen.thuky/history"))!;
        Assert.Equal(["AccountCreated"], history.Select(h => h!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_re_scope_commits_the_row_and_its_history_event_together()
    {
        await using var host = await ServerHost.StartAsync();
        using var admin = await AuthClient.SignedInAsync(host, "admin");
        using var created = await admin.PostAsJsonAsync("/api/accounts", new { userName = "duyxuyen.thuky", displayName = "Thư ký Duy Xuyên", role = "Reviewer", district = "Duy Xuyên", password = "Mat-khau-moi-2014" });

        using var moved = await admin.PostAsJsonAsync("/api/accounts/duyxuyen.thuky/role", new { role = "DistrictOrganizationBoard", district = "Thăng Bình" });

        Assert.True(moved.IsSuccessStatusCode, $"{(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()}");
        var account = await host.Services.GetRequiredService<AccountStore>().FindAsync("duyxuyen.thuky");
        Assert.Equal(("DistrictOrganizationBoard", "Thăng Bình"), (account!.Role, account.District));
        var changed = (await host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(AccountHistory.StreamId))[^1];
        Assert.Equal(("AccountRoleChanged", "admin"), (changed.Type, changed.Actor));
        Assert.Contains("\"Reviewer\"", changed.Data, StringComparison.Ordinal);
    }

    /// <summary>A store that fails to record a role change (a full disk, a lost connection), as an inline projection failing the append.</summary>
    private sealed class RefusesRoleChanges : IInlineProjection
    {
        public Task ApplyAsync(WriteScope scope, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken) =>
            events.Any(e => e.Type == "AccountRoleChanged")
                ? throw new InvalidOperationException("The history event could not be stored.")
                : Task.CompletedTask;
    }
}
