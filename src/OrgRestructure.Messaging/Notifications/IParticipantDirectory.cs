using System.Collections.Concurrent;

namespace OrgRestructure.Messaging.Notifications;

/// <summary>A person who can be notified. <see cref="Language"/> is "vi" (default) or "en".</summary>
public sealed record Participant(string UserId, string DisplayName, string? Email, string Language = "vi");

/// <summary>
/// Who people are and which groups they belong to, per case where it matters (the members of a
/// future committee, a bloc's cell leaders, the appointees). The server backs it with its user
/// store and the case data; <see cref="InMemoryParticipantDirectory"/> serves the embedded demo and tests.
/// </summary>
public interface IParticipantDirectory
{
    /// <summary>The participant, or null when unknown (they still get a feed entry under their id).</summary>
    Task<Participant?> FindAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>User ids of a group, within a case when <paramref name="caseId"/> is given (case-specific membership first, then global).</summary>
    Task<IReadOnlyList<string>> GroupMembersAsync(string group, string? caseId, CancellationToken cancellationToken = default);
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

    /// <summary>Sets a group's members, for one case or (<paramref name="caseId"/> null) for all.</summary>
    public InMemoryParticipantDirectory SetGroup(string group, IEnumerable<string> userIds, string? caseId = null)
    {
        _groups[(group, caseId ?? string.Empty)] = userIds.Distinct(StringComparer.Ordinal).ToArray();
        return this;
    }

    public Task<Participant?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.TryGetValue(userId, out var p) ? p : null);

    public Task<IReadOnlyList<string>> GroupMembersAsync(string group, string? caseId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> members =
            (caseId is not null && _groups.TryGetValue((group, caseId), out var perCase)) ? perCase
            : _groups.TryGetValue((group, string.Empty), out var global) ? global
            : [];
        return Task.FromResult(members);
    }
}
