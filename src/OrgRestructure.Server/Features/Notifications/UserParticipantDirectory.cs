using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Notifications;

/// <summary>
/// Messaging's view of the server's accounts: a definition role within a case means the accounts
/// holding that role who can see the case's district (from the case input).
/// </summary>
public sealed class UserParticipantDirectory(UserDirectory users, IServiceProvider services) : IParticipantDirectory
{
    public Task<Participant?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(users.Find(userId) is { } c ? new Participant(c.UserName, c.DisplayName, null) : null);

    /// <remarks>A committee scope (the task's) narrows nothing here: accounts are per district, and the case names the district.</remarks>
    public async Task<IReadOnlyList<string>> GroupMembersAsync(string group, string? caseId, string? scope = null, CancellationToken cancellationToken = default)
    {
        if (Roles.FromEngineRole(group) is not { } role)
        {
            return [];
        }

        if (caseId is null)
        {
            return [.. users.All.Where(u => u.Role == role).Select(u => u.UserName)];
        }

        // Resolved lazily: the engine is composed after this directory is registered.
        var state = await services.GetRequiredService<IWorkflowEngine>().GetCaseAsync(caseId, cancellationToken);
        var (province, district) = (Cases.CaseView.ProvinceOf(state), Cases.CaseView.DistrictOf(state));
        return [.. users.InRole(role, province, district).Where(u => u.District == district || Roles.IsProvinceWide(role)).Select(u => u.UserName)];
    }
}
