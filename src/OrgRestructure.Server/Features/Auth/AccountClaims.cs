using System.Security.Claims;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>Between stored accounts and the claims of a cookie: the security stamp travels with the claims.</summary>
public static class AccountClaims
{
    public const string StampClaim = "orgrestructure:stamp";

    /// <summary>The caller an account signs in as; null when its role is not one this build knows.</summary>
    public static Caller? CallerOf(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Enum.TryParse<Role>(account.Role, out var role)
            ? new Caller(account.UserName, account.DisplayName, role, account.Province, Roles.IsProvinceWide(role) ? null : account.District)
            : null;
    }

    public static Account NewAccount(Caller caller, string passwordHash, string? email) =>
        Account.Create(caller.UserName, caller.DisplayName, caller.Role.ToString(), caller.Province, caller.District, passwordHash, email);

    public static ClaimsPrincipal Principal(Account account, string scheme)
    {
        var caller = CallerOf(account) ?? throw new InvalidOperationException($"Account {account.UserName} has an unknown role {account.Role}.");
        var identity = new ClaimsIdentity(caller.ToClaims().Append(new Claim(StampClaim, account.SecurityStamp)), scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// The principal as the account stands now: null when the account is gone, disabled, or changed
    /// since the principal was issued (its stamp differs).
    /// </summary>
    public static async Task<ClaimsPrincipal?> RevalidateAsync(ClaimsPrincipal principal, UserDirectory users, string scheme, CancellationToken cancellationToken)
    {
        if (principal.Identity?.Name is not { } name)
        {
            return null;
        }

        if (await users.CurrentAsync(name, principal.FindFirstValue(StampClaim), cancellationToken) is { } found && CallerOf(found) is not null)
        {
            return Principal(found, scheme);
        }

        return null;
    }
}
