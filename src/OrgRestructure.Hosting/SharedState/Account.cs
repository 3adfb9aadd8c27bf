namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// A person who signs in. The password is only ever kept as an ASP.NET Core PasswordHasher hash.
/// The security stamp changes whenever what the account may do changes (disabled, role, scope,
/// password): every cookie and token carries the stamp it was issued under, and a node refuses one
/// whose stamp is no longer the account's.
/// </summary>
public sealed record Account(
    string UserName,
    string DisplayName,
    string? Email,
    string Role,
    string Province,
    string? District,
    string Language,
    string PasswordHash,
    bool Disabled,
    string SecurityStamp,
    int FailedSignIns,
    DateTimeOffset LockedUntil,
    DateTimeOffset? LastSignIn)
{
    /// <summary>The key user names are unique by: "Admin" and "admin" are one account.</summary>
    public static string KeyOf(string userName) => userName.Trim().ToLowerInvariant();

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>A new, enabled account in Vietnamese.</summary>
    public static Account Create(string userName, string displayName, string role, string province, string? district, string passwordHash, string? email = null) =>
        new(userName.Trim(), displayName.Trim(), email, role, province, district, "vi", passwordHash, false, NewStamp(), 0, DateTimeOffset.UnixEpoch, null);
}

/// <summary>The answer to a sign-in attempt.</summary>
public enum SignInStatus
{
    SignedIn,
    WrongPassword,
    Locked,
    Disabled,
}

public sealed record SignInOutcome(SignInStatus Status, Account? Account, DateTimeOffset? LockedUntil = null);

/// <summary>A bearer token as the store knows it; the token itself is kept only as a hash.</summary>
public sealed record TokenGrant(string UserName, string SecurityStamp, DateTimeOffset ExpiresAt);
