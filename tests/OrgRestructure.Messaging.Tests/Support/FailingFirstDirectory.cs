using System.Collections.Concurrent;
using OrgRestructure.Messaging.Notifications;

namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>
/// The participant directory as an outside service that fails the first time each person is
/// looked up (a timeout, say), so the notification consumer throws on its first attempt.
/// </summary>
internal sealed class FailingFirstDirectory(IParticipantDirectory inner) : IParticipantDirectory
{
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

    public int Failures => _seen.Count;

    public Task<Participant?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        _seen.TryAdd(userId, true)
            ? throw new TimeoutException($"Directory did not answer for {userId}")
            : inner.FindAsync(userId, cancellationToken);

    public Task<IReadOnlyList<string>> GroupMembersAsync(string group, string? caseId, string? scope = null, CancellationToken cancellationToken = default) =>
        inner.GroupMembersAsync(group, caseId, scope, cancellationToken);
}
