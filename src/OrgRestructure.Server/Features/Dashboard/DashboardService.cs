using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Dashboard;

/// <summary>A dashboard row; <see cref="Name"/> is what it is called on the page (a 2025 unit's name, else the district).</summary>
public sealed record DistrictStatus(string District, string? CaseId, string Status, int CurrentStep, int OpenTasks, bool Overdue, int Committees, int CommitteesFormed = 0, int Steps = 0, string? UnitName = null)
{
    public string Name => UnitName ?? District;
}

public sealed record OverdueStep(string CaseId, string District, string Branch, int Step, string TitleVi, string TitleEn, DateTimeOffset? DueAt, string? UnitName = null)
{
    public string Name => UnitName ?? District;
}

public sealed record DashboardView(
    string Province,
    int OrganizationsBefore,
    int CommitteesAfter,
    int Districts,
    int DistrictsDone,
    int CommitteesFormed,
    IReadOnlyDictionary<string, int> DistrictsByStatus,
    IReadOnlyList<DistrictStatus> Rows,
    IReadOnlyList<OverdueStep> Overdue);

/// <summary>
/// The province campaign at a glance, limited to what the caller may see: the districts' latest
/// cases, the counts per status (GROUP BY in the database) and the overdue steps, all from the read model.
/// </summary>
public sealed class DashboardService(CampaignService campaigns, CaseReadModel readModel, IWorkflowEngine engine, TimeProvider clock)
{
    public const int OverdueShown = 100;

    public async Task<DashboardView> GetAsync(Caller caller, CancellationToken ct)
    {
        var campaign = await campaigns.GetAsync(caller, ct);
        // The central board has no province campaign of its own: its overview is the national dashboard.
        var scope = caller.IsNational ? new ReadScope(caller.Province, null) : CaseService.ScopeOf(caller);
        var now = clock.GetUtcNow();
        var latest = (await readModel.LatestPerDistrictAsync(scope, ct)).Select(r => CaseSummary.From(r, engine.Definitions, now)).ToList();
        var live = await readModel.CountByStatusAsync(scope, holdingDistrict: true, ct);
        var overdueTasks = await readModel.ListTasksAsync(scope, new TaskFilter(caller.UserName, Roles.EngineRole(caller.Role), Everything: true, Overdue: true), now, OverdueShown, null, ct);
        var overdue = overdueTasks.Items.Select(t => new OverdueStep(
            t.CaseId, t.District, CaseView.CommitteeLabel(t.BranchId, t.BranchLabel, t.UnitName ?? t.District), CaseView.StepNumber(engine.Definitions.Find(t.DefinitionId, t.DefinitionVersion)?.AllSteps.GetValueOrDefault(t.StepId)),
            t.TitleVi, t.TitleEn, t.DueAt is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null, t.UnitName)).ToList();
        var plan = campaign.Plan;
        var districts = (plan?.Districts.Select(d => d.District) ?? latest.Select(c => c.District))
            .Where(d => caller.CanSee(caller.Province, d))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var byDistrict = latest.ToDictionary(c => c.District, StringComparer.Ordinal);
        var rows = districts.Select(d =>
        {
            var c = byDistrict.GetValueOrDefault(d);
            var committees = plan?.Districts.First(p => p.District == d).Committees.Count ?? c?.Committees ?? 0;
            return new DistrictStatus(d, c?.CaseId, c?.Status ?? "NotStarted", c?.CurrentStep ?? 0, c?.OpenTasks ?? 0, c?.Overdue ?? false, committees, c?.CommitteesFormed ?? 0, c?.Steps ?? 0, c?.UnitName);
        }).ToList();
        // Live cases are one per district (a unique key), so their count per status is the districts'; the rest have none or only cancelled ones.
        var byStatus = live.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var group in rows.Where(r => r.Status is "NotStarted" or nameof(CaseStatus.Cancelled)).GroupBy(r => r.Status))
        {
            byStatus[group.Key] = group.Count();
        }

        return new DashboardView(
            caller.Province,
            plan?.Districts.Where(d => districts.Contains(d.District)).Sum(d => d.OrganizationsBefore) ?? 0,
            plan?.Districts.Where(d => districts.Contains(d.District)).Sum(d => d.Committees.Count) ?? 0,
            rows.Count,
            byStatus.GetValueOrDefault(nameof(CaseStatus.Completed)),
            rows.Sum(r => r.CommitteesFormed),
            byStatus,
            rows,
            overdue);
    }
}
