namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// A change to an account, as the accounts stream keeps it. Who made it and when are the stored
/// event's actor and timestamp; roles are the names of <see cref="AccountRoleNames"/>.
/// </summary>
public interface IAccountEvent
{
    string UserName { get; }
}

public sealed record AccountCreated(string UserName, string DisplayName, string Role, string Province, string? District, string? Email) : IAccountEvent;

/// <summary>Signed out everywhere, sign-ins refused.</summary>
public sealed record AccountDisabled(string UserName) : IAccountEvent;

/// <summary>Enabled again (a lock-out after wrong passwords lifted with it).</summary>
public sealed record AccountEnabled(string UserName) : IAccountEvent;

public sealed record AccountRoleChanged(string UserName, string FromRole, string? FromDistrict, string Role, string? District) : IAccountEvent;

/// <summary>An administrator set a new password (the password itself is never recorded).</summary>
public sealed record AccountPasswordReset(string UserName) : IAccountEvent;

/// <summary>The account's holder changed their own password.</summary>
public sealed record AccountPasswordChanged(string UserName) : IAccountEvent;
