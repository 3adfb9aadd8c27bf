using OrgRestructure.Contracts;

namespace OrgRestructure.Messaging.Notifications;

/// <summary>
/// Works out who must hear of an event: the people and groups the engine named on it (a task's
/// assignee or candidate groups, a notification's recipients); for a step start, the groups its
/// definition says hear of it, resolved within the case.
/// </summary>
public sealed class RecipientResolver(IParticipantDirectory directory)
{
    public async Task<IReadOnlyList<Participant>> ResolveAsync(ICaseIntegrationEvent e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (users, groups, scope) = e switch
        {
            StepStarted s => (s.Recipients, s.RecipientGroups ?? [], s.Scope),
            TaskAssigned t when !string.IsNullOrEmpty(t.Assignee) => ([t.Assignee], [], t.Scope),
            TaskAssigned t => ([], t.CandidateGroups, t.Scope),
            NotificationRequested n => (n.Recipients, n.RecipientGroups, n.Scope),
            DeadlineApproaching d => (d.Recipients, d.RecipientGroups, d.Scope),
            DeadlineMissed d => (d.Recipients, d.RecipientGroups, d.Scope),
            _ => ((IReadOnlyList<string>)[], (IReadOnlyList<string>)[], (string?)null),
        };

        var ids = new List<string>(users);
        foreach (var group in groups)
        {
            ids.AddRange(await directory.GroupMembersAsync(group, e.CaseId, scope, e.OccurredAt, cancellationToken));
        }

        var result = new List<Participant>();
        foreach (var id in ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal))
        {
            result.Add(await directory.FindAsync(id, cancellationToken) ?? new Participant(id, id, null));
        }

        return result;
    }
}
