using System.Collections.Concurrent;
using System.Text;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Notifications;

/// <summary>
/// Messaging's view of the server's accounts and cases. A definition role within a case means the
/// accounts holding that role who can see the case's district (from the case input). The groups no
/// role covers — the future committee's members, the bloc's cell leaders, the appointees, the new
/// executive committee — come from the case's data as it stood when the event happened
/// (<see cref="CaseParticipants"/>): a named person is their account when exactly one account in the
/// case's district bears that name, else a feed entry under a case-local id.
/// </summary>
public sealed class UserParticipantDirectory(UserDirectory users, OrganizationNames organizationNames, IServiceProvider services) : IParticipantDirectory
{
    // Display names of the ids this directory made up for people without accounts, between
    // GroupMembersAsync and the FindAsync calls that follow it; bounded, and rebuilt from the id when lost.
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, Participant> _caseParticipants = new(StringComparer.Ordinal);

    public Task<Participant?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (users.Find(userId) is { } c)
        {
            return Task.FromResult<Participant?>(new Participant(c.UserName, c.DisplayName, users.EmailOf(c.UserName), users.LanguageOf(c.UserName)));
        }

        return Task.FromResult(_caseParticipants.TryGetValue(userId, out var known) ? known
            : userId.StartsWith("person:", StringComparison.Ordinal) ? new Participant(userId, userId[(userId.LastIndexOf(':') + 1)..], null)
            : null);
    }

    /// <remarks>A committee scope (the task's) narrows no account role: accounts are per district, and the case names the district.</remarks>
    public async Task<IReadOnlyList<string>> GroupMembersAsync(string group, string? caseId, string? scope = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var role = Roles.FromEngineRole(group);
        if (caseId is null)
        {
            return role is { } r ? [.. users.All.Where(u => u.Role == r).Select(u => u.UserName)] : [];
        }

        if (role is null && !CaseParticipants.IsCaseGroup(group))
        {
            return [];
        }

        // Resolved lazily: the engine is composed after this directory is registered.
        var engine = services.GetRequiredService<IWorkflowEngine>();
        var state = asOf is { } at && role is null
            ? await engine.GetCaseAtAsync(caseId, null, at, cancellationToken)
            : await engine.GetCaseAsync(caseId, cancellationToken);
        var (province, district) = (Cases.CaseView.ProvinceOf(state), Cases.CaseView.DistrictOf(state));
        if (role is { } accountRole)
        {
            return [.. users.InRole(accountRole, province, district).Where(u => u.District == district || Roles.IsProvinceWide(accountRole)).Select(u => u.UserName)];
        }

        await organizationNames.LearnAsync(province, OrganizationIds(state), cancellationToken);
        var accountsByName = users.All.Where(u => u.District == district && u.CanSee(province, district)).ToLookup(u => NameKey(u.DisplayName), StringComparer.OrdinalIgnoreCase);
        var ids = new List<string>();
        foreach (var p in CaseParticipants.Of(state, group, scope, organizationNames.Find))
        {
            // Only an unambiguous name is a person's account: two accounts of that name could be anyone.
            if (p.PersonName is { } name && accountsByName[NameKey(name)].ToList() is [var account])
            {
                ids.Add(account.UserName);
                continue;
            }

            if (_caseParticipants.Count >= MaxRemembered)
            {
                _caseParticipants.Clear();
            }

            _caseParticipants[p.Id] = new Participant(p.Id, p.DisplayName, null, Collective: p.Collective);
            ids.Add(p.Id);
        }

        return ids;
    }

    private static IEnumerable<string> OrganizationIds(CaseState state) =>
        state.Branches.Values.SelectMany(b => b.Item?["organizations"] is System.Text.Json.Nodes.JsonArray a ? a.Select(o => o?.ToString()) : []).OfType<string>();

    private static string NameKey(string name) => name.Normalize(NormalizationForm.FormC).Trim();
}
