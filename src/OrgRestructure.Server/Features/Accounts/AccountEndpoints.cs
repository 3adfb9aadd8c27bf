using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Accounts;

public sealed record AccountView(
    string UserName, string DisplayName, string? Email, Role Role, string RoleVi, string Province, string? District,
    string Language, bool Disabled, DateTimeOffset? LastSignIn, DateTimeOffset? LockedUntil);

public sealed record NewAccount(string? UserName, string? DisplayName, string? Email, string? Role, string? District, string? Password);

public sealed record RoleChange(string? Role, string? District);

public sealed record PasswordReset(string? Password);

/// <summary>
/// /api/accounts: a province's administrator adds, disables and re-enables accounts, changes a role
/// or scope and resets a password — for accounts of their own province only. A change of role,
/// scope, password or a disable signs the account out on every node.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(Policies.Administers);
        group.MapGet("", List);
        group.MapPost("", Create);
        group.MapPost("/{userName}/disable", (string userName, ClaimsPrincipal user, UserDirectory users, ILogger<AccountView> log, CancellationToken ct) =>
            Change(userName, user, users, log, "disabled", a => Caller.From(user)?.UserName.Equals(a.UserName, StringComparison.OrdinalIgnoreCase) == true
                ? throw RequestRejectedException.Conflict("Không thể tự vô hiệu hóa tài khoản của mình.", "You cannot disable your own account.")
                : a with { Disabled = true }, ct));
        group.MapPost("/{userName}/enable", (string userName, ClaimsPrincipal user, UserDirectory users, ILogger<AccountView> log, CancellationToken ct) =>
            Change(userName, user, users, log, "enabled", a => a with { Disabled = false, FailedSignIns = 0, LockedUntil = DateTimeOffset.UnixEpoch }, ct));
        group.MapPost("/{userName}/role", (string userName, RoleChange request, ClaimsPrincipal user, UserDirectory users, ILogger<AccountView> log, CancellationToken ct) =>
        {
            var role = AccountRules.ParseRole(request.Role);
            var district = AccountRules.DistrictFor(role, request.District);
            return Change(userName, user, users, log, "re-scoped", a => a with { Role = role.ToString(), District = district }, ct);
        });
        group.MapPost("/{userName}/password", (string userName, PasswordReset request, ClaimsPrincipal user, UserDirectory users, ILogger<AccountView> log, CancellationToken ct) =>
        {
            AccountRules.CheckPassword(request.Password ?? string.Empty, "password");
            var hash = users.Store.HashPassword(request.Password!);
            return Change(userName, user, users, log, "password reset", a => a with { PasswordHash = hash, FailedSignIns = 0, LockedUntil = DateTimeOffset.UnixEpoch }, ct);
        });
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AccountView>>> List(ClaimsPrincipal user, UserDirectory users, CancellationToken cancellationToken)
    {
        var province = user.Caller().Province;
        var accounts = await users.Store.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AccountView>>([.. accounts.Where(a => a.Province == province).Select(View).OfType<AccountView>()]);
    }

    private static async Task<Created<AccountView>> Create(NewAccount request, ClaimsPrincipal user, UserDirectory users, ILogger<AccountView> log, CancellationToken cancellationToken)
    {
        AccountRules.CheckUserName(request.UserName);
        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["displayName"] = ["Bắt buộc nhập / required"] });
        }

        AccountRules.CheckPassword(request.Password ?? string.Empty, "password");
        var role = AccountRules.ParseRole(request.Role);
        var admin = user.Caller();
        var caller = new Caller(request.UserName!, request.DisplayName.Trim(), role, admin.Province, AccountRules.DistrictFor(role, request.District));
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (!await users.AddAsync(caller, request.Password!, email, cancellationToken))
        {
            throw RequestRejectedException.Conflict($"Tên đăng nhập {caller.UserName} đã có.", $"The user name {caller.UserName} is taken.");
        }

        log.LogInformation("Account {Account} ({Role}, {Scope}) created by {Actor}", caller.UserName, role, caller.ScopeLabel, admin.UserName);
        var stored = await users.Store.FindAsync(caller.UserName, cancellationToken);
        return TypedResults.Created($"/api/accounts/{caller.UserName}", View(stored!));
    }

    private static async Task<Ok<AccountView>> Change(string userName, ClaimsPrincipal user, UserDirectory users, ILogger log, string what, Func<Account, Account> change, CancellationToken cancellationToken)
    {
        var admin = user.Caller();
        var existing = await users.Store.FindAsync(userName, cancellationToken);
        if (existing is null || existing.Province != admin.Province)
        {
            throw RequestRejectedException.NotFound($"tài khoản {userName} / account {userName}");
        }

        var changed = await users.ChangeAsync(userName, change, cancellationToken) ?? throw RequestRejectedException.NotFound($"tài khoản {userName} / account {userName}");
        log.LogInformation("Account {Account} {Change} by {Actor}", changed.UserName, what, admin.UserName);
        return TypedResults.Ok(View(changed)!);
    }

    private static AccountView? View(Account a) => Enum.TryParse<Role>(a.Role, out var role)
        ? new AccountView(a.UserName, a.DisplayName, a.Email, role, Roles.Vietnamese(role), a.Province, a.District, a.Language, a.Disabled, a.LastSignIn,
            a.LockedUntil > DateTimeOffset.UtcNow ? a.LockedUntil : null)
        : null;
}
