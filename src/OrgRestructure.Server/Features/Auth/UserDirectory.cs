using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// An account: the password is only ever kept as an ASP.NET Core PasswordHasher hash; the e-mail
/// address, when known, receives notifications, in <see cref="Language"/> ("vi" or "en").
/// </summary>
public sealed record UserAccount(Caller Caller, string PasswordHash, string? Email = null, string Language = "vi");

/// <summary>Accounts of this process. The embedded default seeds the demo users at start-up.</summary>
public sealed class UserDirectory
{
    private readonly ConcurrentDictionary<string, UserAccount> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly PasswordHasher<Caller> _hasher = new();

    public IReadOnlyList<Caller> All => [.. _users.Values.Select(u => u.Caller).OrderBy(c => c.UserName, StringComparer.Ordinal)];

    public void Add(Caller caller, string password, string? email = null) =>
        AddHashed(caller, _hasher.HashPassword(caller, password), email);

    /// <summary>
    /// Adds an account whose password is already hashed. Hashing is deliberately slow (PBKDF2), so
    /// seeding many demo accounts that share one password hashes it once.
    /// </summary>
    public void AddHashed(Caller caller, string passwordHash, string? email = null) =>
        _users[caller.UserName] = new UserAccount(caller, passwordHash, email);

    public string HashPassword(Caller caller, string password) => _hasher.HashPassword(caller, password);

    public Caller? Find(string userName) => _users.TryGetValue(userName, out var u) ? u.Caller : null;

    /// <summary>Where the account's notifications are e-mailed; null = in-app feed only.</summary>
    public string? EmailOf(string userName) => _users.TryGetValue(userName, out var u) ? u.Email : null;

    /// <summary>The language the account reads its notifications in: "vi" unless they chose English.</summary>
    public string LanguageOf(string userName) => _users.TryGetValue(userName, out var u) ? u.Language : "vi";

    /// <summary>Remembers the language a user picked in the UI, so their e-mails follow it.</summary>
    public void PreferLanguage(string userName, string language)
    {
        var code = language == "en" ? "en" : "vi";
        while (_users.TryGetValue(userName, out var account) && account.Language != code
            && !_users.TryUpdate(userName, account with { Language = code }, account))
        {
        }
    }

    public Caller? SignIn(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password) || !_users.TryGetValue(userName, out var account))
        {
            return null;
        }

        return _hasher.VerifyHashedPassword(account.Caller, account.PasswordHash, password) == PasswordVerificationResult.Failed
            ? null
            : account.Caller;
    }

    /// <summary>People in <paramref name="role"/> who can see <paramref name="district"/>.</summary>
    public IReadOnlyList<Caller> InRole(Role role, string province, string district) =>
        [.. All.Where(c => c.Role == role && c.CanSee(province, district))];
}
