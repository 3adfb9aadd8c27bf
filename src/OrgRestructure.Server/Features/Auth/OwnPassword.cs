using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Accounts;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// A user changing their own password, for POST /api/auth/password and the password page alike:
/// the current password must be right, the new one must satisfy the rules; every cookie and token
/// of the account is signed out by it, and the change is recorded in the accounts stream.
/// </summary>
public static class OwnPassword
{
    public static async Task<Account> ChangeAsync(UserDirectory users, AccountHistory history, Caller caller, string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(caller);
        AuthEndpoints.Require(("currentPassword", currentPassword), ("newPassword", newPassword));
        AccountRules.CheckPassword(newPassword!);
        var outcome = await users.SignInAsync(caller.UserName, currentPassword, cancellationToken);
        if (outcome.Status == SignInStatus.WrongPassword)
        {
            throw new RequestRejectedException(422, "Mật khẩu hiện tại không đúng.", "The current password is wrong.", new Dictionary<string, string[]> { ["currentPassword"] = ["Không đúng / wrong"] });
        }

        if (AuthEndpoints.Refusal(outcome) is { } refused)
        {
            throw refused;
        }

        var hash = users.Store.HashPassword(newPassword!);
        return await users.ChangeAsync(
                caller.UserName,
                a => a with { PasswordHash = hash },
                (scope, _, after) => history.RecordAsync(scope, new AccountPasswordChanged(after.UserName), caller.UserName, caller.Role.ToString(), cancellationToken),
                cancellationToken)
            ?? throw RequestRejectedException.NotFound($"tài khoản {caller.UserName} / account {caller.UserName}");
    }
}
