using System.Collections.Concurrent;

namespace OrgRestructure.Messaging.Notifications;

/// <summary>
/// A person who can be notified. <see cref="Language"/> is "vi" (default) or "en". A
/// <see cref="Collective"/> recipient stands for several people the case does not name one by one
/// (e.g. "đảng viên Chi bộ Ban Tổ chức"): it is greeted as a group.
/// </summary>
public sealed record Participant(string UserId, string DisplayName, string? Email, string Language = "vi", bool Collective = false);

/// <summary>
/// Who people are and which groups they belong to, per case where it matters (the members of a
/// future committee, a bloc's cell leaders, the appointees). The server backs it with its user
/// store and the case data; <see cref="InMemoryParticipantDirectory"/> serves the embedded demo and tests.
/// </summary>
public interface IParticipantDirectory
{
    /// <summary>The participant, or null when unknown (they still get a feed entry under their id).</summary>
    Task<Participant?> FindAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// User ids of a group or role: within <paramref name="scope"/> (e.g. one new committee) when
    /// given, else within the case, else everywhere — the first of these that has members.
    /// <paramref name="asOf"/> is when the event happened: groups taken from the case's data are
    /// read as the case stood then, so a late delivery does not name a slate revised since.
    /// </summary>
    Task<IReadOnlyList<string>> GroupMembersAsync(string group, string? caseId, string? scope = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);
}

/// <summary>A directory held in memory, filled by the host (demo data) or a test.</summary>
public sealed class InMemoryParticipantDirectory : IParticipantDirectory
{
    private readonly ConcurrentDictionary<string, Participant> _people = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Group, string Case), string[]> _groups = new();

    public InMemoryParticipantDirectory Add(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        _people[participant.UserId] = participant;
        return this;
    }

    /// <summary>Sets a group's members, for one scope or case (<paramref name="scopeOrCase"/>) or, when null, for all.</summary>
    public InMemoryParticipantDirectory SetGroup(string group, IEnumerable<string> userIds, string? scopeOrCase = null)
    {
        _groups[(group, scopeOrCase ?? string.Empty)] = userIds.Distinct(StringComparer.Ordinal).ToArray();
        return this;
    }

    public Task<Participant?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.TryGetValue(userId, out var p) ? p : null);

    public Task<IReadOnlyList<string>> GroupMembersAsync(string group, string? caseId, string? scope = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        foreach (var key in new[] { scope, caseId, string.Empty })
        {
            if (key is not null && _groups.TryGetValue((group, key), out var members))
            {
                return Task.FromResult<IReadOnlyList<string>>(members);
            }
        }

        return Task.FromResult<IReadOnlyList<string>>([]);
    }
}
