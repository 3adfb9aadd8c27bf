using OrgRestructure.Messaging.Notifications;

namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>The participant directory as an outside service that can be down for a while.</summary>
internal sealed class SwitchableDirectory(IParticipantDirectory inner) : IParticipantDirectory
{
    public volatile bool Down;

    public Task<Participant?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Down ? throw new InvalidOperationException("participant directory unavailable") : inner.FindAsync(userId, cancellationToken);

    public Task<IReadOnlyList<string>> GroupMembersAsync(string group, string? caseId, string? scope = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) =>
        inner.GroupMembersAsync(group, caseId, scope, asOf, cancellationToken);
}
