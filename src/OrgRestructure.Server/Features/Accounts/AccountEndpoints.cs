using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Accounts;

public sealed record AccountView(
    string UserName, string DisplayName, string? Email, Role Role, string RoleVi, string Province, string? District,
    string Language, bool Disabled, DateTimeOffset? LastSignIn, DateTimeOffset? LockedUntil);

public sealed record NewAccount(string? UserName, string? DisplayName, string? Email, string? Role, string? District, string? Password);

public sealed record RoleChange(string? Role, string? District);

public sealed record PasswordReset(string? Password);

/// <summary>/api/accounts: the province administrator's account management (<see cref="AccountAdministration"/>).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(Policies.Administers);
        group.MapGet("", async (ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.ListAsync(user.Caller(), ct)));
        group.MapPost("", async Task<Created<AccountView>> (NewAccount request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
        {
            var created = await accounts.CreateAsync(user.Caller(), request, ct);
            return TypedResults.Created($"/api/accounts/{created.UserName}", created);
        });
        group.MapGet("/{userName}/history", async (string userName, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
            TypedResults.Ok(AccountHistoryEntry.Of(await accounts.HistoryAsync(user.Caller(), userName, ct))));
        group.MapPost("/{userName}/disable", async (string userName, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.DisableAsync(user.Caller(), userName, ct)));
        group.MapPost("/{userName}/enable", async (string userName, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.EnableAsync(user.Caller(), userName, ct)));
        group.MapPost("/{userName}/role", async (string userName, RoleChange request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.ChangeRoleAsync(user.Caller(), userName, request, ct)));
        group.MapPost("/{userName}/password", async (string userName, PasswordReset request, ClaimsPrincipal user, AccountAdministration accounts, CancellationToken ct) =>
            TypedResults.Ok(await accounts.ResetPasswordAsync(user.Caller(), userName, request, ct)));
        return app;
    }
}
