using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Accounts;

/// <summary>
/// What a province's administrator may do to the province's accounts, for the API and the page
/// alike. Every change is an event of the accounts stream (<see cref="AccountHistory"/>: who, what,
/// when, hash-chained) and a log entry; a change of role, scope, password or a disable signs the
/// account out on every node.
/// </summary>
public sealed class AccountAdministration(UserDirectory users, AccountHistory history, ILogger<AccountAdministration> log)
{
    public async Task<IReadOnlyList<AccountView>> ListAsync(Caller admin, CancellationToken cancellationToken)
    {
        var accounts = await users.Store.ListAsync(cancellationToken);
        return [.. accounts.Where(a => a.Province == admin.Province).Select(View).OfType<AccountView>()];
    }

    public async Task<AccountView> CreateAsync(Caller admin, NewAccount request, CancellationToken cancellationToken)
    {
        AccountRules.CheckUserName(request.UserName);
        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["displayName"] = ["Bắt buộc nhập / required"] });
        }

        AccountRules.CheckPassword(request.Password ?? string.Empty, "password");
        var role = AccountRules.GrantableInProvince(AccountRules.ParseRole(request.Role));
        var caller = new Caller(request.UserName!, request.DisplayName.Trim(), role, admin.Province, AccountRules.DistrictFor(role, request.District));
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var created = new AccountCreated(caller.UserName, caller.DisplayName, role.ToString(), caller.Province, caller.District, email);
        if (!await users.AddAsync(caller, request.Password!, email, scope => history.RecordAsync(scope, created, admin.UserName, admin.Role.ToString(), cancellationToken), cancellationToken))
        {
            throw RequestRejectedException.Conflict($"Tên đăng nhập {caller.UserName} đã có.", $"The user name {caller.UserName} is taken.");
        }

        log.LogInformation("Account {Account} ({Role}, {Scope}) created by {Actor}", caller.UserName, role, caller.ScopeLabel, admin.UserName);
        return View((await users.Store.FindAsync(caller.UserName, cancellationToken))!)!;
    }

    /// <summary>The account's recorded changes, oldest first (an account of another province is not found).</summary>
    public async Task<IReadOnlyList<AccountChange>> HistoryAsync(Caller admin, string userName, CancellationToken cancellationToken)
    {
        var account = await users.Store.FindAsync(userName, cancellationToken);
        if (account is null || account.Province != admin.Province)
        {
            throw RequestRejectedException.NotFound($"tài khoản {userName} / account {userName}");
        }

        return await history.OfAsync(account.UserName, cancellationToken);
    }

    public Task<AccountView> DisableAsync(Caller admin, string userName, CancellationToken cancellationToken) =>
        ChangeAsync(admin, userName, "disabled", a => admin.UserName.Equals(a.UserName, StringComparison.OrdinalIgnoreCase)
            ? throw RequestRejectedException.Conflict("Không thể tự vô hiệu hóa tài khoản của mình.", "You cannot disable your own account.")
            : a with { Disabled = true }, (_, a) => new AccountDisabled(a.UserName), cancellationToken);

    public Task<AccountView> EnableAsync(Caller admin, string userName, CancellationToken cancellationToken) =>
        ChangeAsync(admin, userName, "enabled", a => a with { Disabled = false, FailedSignIns = 0, LockedUntil = DateTimeOffset.UnixEpoch }, (_, a) => new AccountEnabled(a.UserName), cancellationToken);

    public Task<AccountView> ChangeRoleAsync(Caller admin, string userName, RoleChange request, CancellationToken cancellationToken)
    {
        var role = AccountRules.GrantableInProvince(AccountRules.ParseRole(request.Role));
        var district = AccountRules.DistrictFor(role, request.District);
        return ChangeAsync(admin, userName, "re-scoped", a => a with { Role = role.ToString(), District = district },
            (before, after) => new AccountRoleChanged(after.UserName, before.Role, before.District, after.Role, after.District), cancellationToken);
    }

    public Task<AccountView> ResetPasswordAsync(Caller admin, string userName, PasswordReset request, CancellationToken cancellationToken)
    {
        AccountRules.CheckPassword(request.Password ?? string.Empty, "password");
        var hash = users.Store.HashPassword(request.Password!);
        return ChangeAsync(admin, userName, "password reset", a => a with { PasswordHash = hash, FailedSignIns = 0, LockedUntil = DateTimeOffset.UnixEpoch },
            (_, a) => new AccountPasswordReset(a.UserName), cancellationToken);
    }

    private async Task<AccountView> ChangeAsync(Caller admin, string userName, string what, Func<Account, Account> change, Func<Account, Account, IAccountEvent> recorded, CancellationToken cancellationToken)
    {
        var existing = await users.Store.FindAsync(userName, cancellationToken);
        if (existing is null || existing.Province != admin.Province)
        {
            throw RequestRejectedException.NotFound($"tài khoản {userName} / account {userName}");
        }

        // One transaction: the row (which holds what no event may: the password hash, the security
        // stamp) and the history event recording its change commit together or not at all.
        var changed = await users.ChangeAsync(
                userName,
                change,
                (scope, before, after) => history.RecordAsync(scope, recorded(before, after), admin.UserName, admin.Role.ToString(), cancellationToken),
                cancellationToken)
            ?? throw RequestRejectedException.NotFound($"tài khoản {userName} / account {userName}");
        log.LogInformation("Account {Account} {Change} by {Actor}", changed.UserName, what, admin.UserName);
        return View(changed)!;
    }

    private static AccountView? View(Account a) => Enum.TryParse<Role>(a.Role, out var role)
        ? new AccountView(a.UserName, a.DisplayName, a.Email, role, Roles.Vietnamese(role), a.Province, a.District, a.Language, a.Disabled, a.LastSignIn,
            a.LockedUntil > DateTimeOffset.UtcNow ? a.LockedUntil : null)
        : null;
}
