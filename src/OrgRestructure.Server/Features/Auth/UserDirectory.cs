using System.Collections.Frozen;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// The accounts as this node sees them: the store's accounts table (the one truth, shared by every
/// node), read into a snapshot that <see cref="AccountRefresher"/> renews every few seconds so a
/// disabled account or a changed role reaches every node. Lists and notifications read the
/// snapshot; sign-ins and changes go to the store.
/// </summary>
public sealed class UserDirectory(AccountStore store, ILogger<UserDirectory> logger)
{
    private volatile Snapshot _snapshot = new(FrozenDictionary<string, Account>.Empty);

    /// <summary>Enabled accounts, by user name.</summary>
    public IReadOnlyList<Caller> All => _snapshot.Callers;

    public AccountStore Store => store;

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await store.ListAsync(cancellationToken);
        _snapshot = new Snapshot(accounts.ToFrozenDictionary(a => Account.KeyOf(a.UserName)));
    }

    /// <summary>An enabled account's caller; null for unknown or disabled ones.</summary>
    public Caller? Find(string userName) =>
        _snapshot.Accounts.TryGetValue(Account.KeyOf(userName), out var a) && !a.Disabled ? AccountClaims.CallerOf(a) : null;

    /// <summary>
    /// The account behind a cookie or token issued under <paramref name="stamp"/>, when that stamp is
    /// still the account's. The snapshot answers when it agrees; otherwise the store does, so an
    /// account changed on another node a moment ago is judged by what it is now.
    /// </summary>
    public async Task<Account?> CurrentAsync(string userName, string? stamp, CancellationToken cancellationToken = default)
    {
        if (_snapshot.Accounts.TryGetValue(Account.KeyOf(userName), out var known) && known.SecurityStamp == stamp)
        {
            return known.Disabled ? null : known;
        }

        var stored = await store.FindAsync(userName, cancellationToken);
        return stored is { Disabled: false } && stored.SecurityStamp == stamp ? stored : null;
    }

    /// <summary>Where the account's notifications are e-mailed; null = in-app feed only.</summary>
    public string? EmailOf(string userName) => _snapshot.Accounts.TryGetValue(Account.KeyOf(userName), out var a) ? a.Email : null;

    /// <summary>The language the account reads its notifications in: "vi" unless they chose English.</summary>
    public string LanguageOf(string userName) => _snapshot.Accounts.TryGetValue(Account.KeyOf(userName), out var a) ? a.Language : "vi";

    /// <summary>People in <paramref name="role"/> who can see <paramref name="district"/>.</summary>
    public IReadOnlyList<Caller> InRole(Role role, string province, string district) =>
        [.. All.Where(c => c.Role == role && c.CanSee(province, district))];

    /// <summary>Adds an account (false when the user name is taken, in any letter case).</summary>
    public Task<bool> AddAsync(Caller caller, string password, string? email = null, CancellationToken cancellationToken = default) =>
        AddAsync(caller, password, email, null, cancellationToken);

    /// <summary>Adds an account, with <paramref name="alsoInTransaction"/> committed with it (not run when the name is taken).</summary>
    public async Task<bool> AddAsync(Caller caller, string password, string? email, Func<WriteScope, Task>? alsoInTransaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var added = await store.AddAsync(
            [AccountClaims.NewAccount(caller, store.HashPassword(password), email)],
            alsoInTransaction is null ? null : (scope, _) => alsoInTransaction(scope),
            cancellationToken) == 1;
        await RefreshAsync(cancellationToken);
        return added;
    }

    /// <summary>Changes an account in the store and renews this node's snapshot; null when unknown.</summary>
    public Task<Account?> ChangeAsync(string userName, Func<Account, Account> change, CancellationToken cancellationToken = default) =>
        ChangeAsync(userName, change, null, cancellationToken);

    /// <summary>Changes an account, with <paramref name="alsoInTransaction"/> committed with it (see <see cref="AccountStore.UpdateAsync(string, Func{Account, Account}, Func{WriteScope, Account, Account, Task}?, CancellationToken)"/>).</summary>
    public async Task<Account?> ChangeAsync(string userName, Func<Account, Account> change, Func<WriteScope, Account, Account, Task>? alsoInTransaction, CancellationToken cancellationToken = default)
    {
        var changed = await store.UpdateAsync(userName, change, alsoInTransaction, cancellationToken);
        await RefreshAsync(cancellationToken);
        return changed;
    }

    /// <summary>Remembers the language a user picked in the UI, so their e-mails and next sign-in follow it.</summary>
    public async Task PreferLanguageAsync(string userName, string language, CancellationToken cancellationToken = default)
    {
        var code = language == "en" ? "en" : "vi";
        if (LanguageOf(userName) != code || !_snapshot.Accounts.ContainsKey(Account.KeyOf(userName)))
        {
            await ChangeAsync(userName, a => a with { Language = code }, cancellationToken);
        }
    }

    /// <summary>Checks a password; unknown user names answer like wrong passwords. Every outcome is logged.</summary>
    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, CancellationToken cancellationToken = default)
    {
        var outcome = string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)
            ? null
            : await store.SignInAsync(userName.Trim(), password, cancellationToken);
        outcome ??= new SignInOutcome(SignInStatus.WrongPassword, null);
        if (outcome.Status == SignInStatus.SignedIn)
        {
            logger.LogInformation("Sign-in of {UserName} accepted", outcome.Account!.UserName);
        }
        else
        {
            logger.LogWarning("Sign-in of {UserName} refused: {Outcome}", userName, outcome.Status);
        }

        return outcome;
    }

    private sealed class Snapshot(FrozenDictionary<string, Account> accounts)
    {
        public FrozenDictionary<string, Account> Accounts { get; } = accounts;

        public IReadOnlyList<Caller> Callers { get; } =
            [.. accounts.Values.Where(a => !a.Disabled).Select(AccountClaims.CallerOf).OfType<Caller>().OrderBy(c => c.UserName, StringComparer.Ordinal)];
    }
}
