using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Cases;

namespace OrgRestructure.Server.Features.Dashboard;

public sealed record DistrictStatus(string District, string? CaseId, string Status, int CurrentStep, int OpenTasks, bool Overdue, int Committees);

public sealed record OverdueStep(string CaseId, string District, string Branch, int Step, string TitleVi, string TitleEn, DateTimeOffset? DueAt);

public sealed record DashboardView(
    string Province,
    int OrganizationsBefore,
    int CommitteesAfter,
    int Districts,
    int DistrictsDone,
    IReadOnlyDictionary<string, int> DistrictsByStatus,
    IReadOnlyList<DistrictStatus> Rows,
    IReadOnlyList<OverdueStep> Overdue);

/// <summary>The province campaign at a glance, limited to what the caller may see.</summary>
public sealed class DashboardService(CampaignService campaigns, CaseService cases)
{
    public async Task<DashboardView> GetAsync(Caller caller, CancellationToken ct)
    {
        var campaign = await campaigns.GetAsync(caller, ct);
        var all = await cases.ListAsync(caller, ct);
        var overdue = all
            .SelectMany(c => c.OpenTasks.Where(t => t.Overdue).Select(t => new OverdueStep(c.CaseId, c.District, t.Branch, t.Step, t.TitleVi, t.TitleEn, t.DueAt)))
            .ToList();
        var plan = campaign.Plan;
        var districts = (plan?.Districts.Select(d => d.District) ?? all.Select(c => c.District).Distinct())
            .Where(d => caller.CanSee(caller.Province, d))
            .ToList();
        var rows = districts.Select(d =>
        {
            var c = all.Where(x => x.District == d).OrderByDescending(x => x.StartedAt).FirstOrDefault();
            var status = c is null ? "NotStarted" : c.Status.ToString();
            return new DistrictStatus(d, c?.CaseId, status, c?.CurrentStep ?? 0, c?.OpenTasks.Count() ?? 0, overdue.Any(o => o.CaseId == c?.CaseId), plan?.Districts.First(p => p.District == d).Committees.Count ?? c?.Committees.Count ?? 0);
        }).ToList();
        return new DashboardView(
            caller.Province,
            plan?.Districts.Where(d => districts.Contains(d.District)).Sum(d => d.OrganizationsBefore) ?? 0,
            plan?.Districts.Where(d => districts.Contains(d.District)).Sum(d => d.Committees.Count) ?? 0,
            rows.Count,
            rows.Count(r => r.Status == nameof(OrgRestructure.Workflows.State.CaseStatus.Completed)),
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            rows,
            overdue);
    }
}
