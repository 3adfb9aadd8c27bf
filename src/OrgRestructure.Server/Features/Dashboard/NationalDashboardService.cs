using OrgRestructure.Domain.Communes;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.Campaigns;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Dashboard;

/// <summary>One province of the national 2025 campaign: new units planned (their cases), committees formed, units overdue.</summary>
public sealed record ProvinceProgress(string Province, int UnitsPlanned, int CommitteesFormed, int Overdue);

public sealed record NationalDashboardView(int Provinces, int UnitsPlanned, int CommitteesFormed, int Overdue, IReadOnlyList<ProvinceProgress> Rows);

/// <summary>A new unit's case as the province dashboard lists it.</summary>
public sealed record UnitStatus(string CaseId, string Unit, string Name, string Status, int CurrentStep, int Steps, bool Overdue, DateTimeOffset? DueAt)
{
    public string StepLabel => CurrentStep == 0 ? "—" : $"{CurrentStep}/{Steps}";
}

public sealed record ProvinceDashboardView(string Province, ProvinceProgress Progress, IReadOnlyDictionary<string, int> UnitsByStatus, IReadOnlyList<UnitStatus> Units, string? NextCursor);

/// <summary>
/// The national 2025 campaign (one case per new commune-level unit) by province, and one province
/// by unit: every count is the database's (<see cref="CampaignProgressReadModel"/>). The central
/// board sees the 34 provinces; a province-wide role only its own province; district roles neither.
/// </summary>
public sealed class NationalDashboardService(CampaignProgressReadModel progress, IWorkflowEngine engine, TimeProvider clock)
{
    public async Task<NationalDashboardView> GetAsync(Caller caller, CancellationToken ct)
    {
        EnsureProvinceWide(caller);
        var counted = (await progress.ByProvinceAsync(CampaignDefinitions(), caller.IsNational ? null : caller.Province, clock.GetUtcNow(), ct))
            .ToDictionary(r => r.Province, StringComparer.Ordinal);
        var provinces = caller.IsNational ? VietnamProvinces.All.Concat(counted.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal) : [caller.Province];
        var rows = provinces.Select(p => counted.GetValueOrDefault(p) is { } r ? Progress(r) : new ProvinceProgress(p, 0, 0, 0)).ToList();
        return new NationalDashboardView(rows.Count, rows.Sum(r => r.UnitsPlanned), rows.Sum(r => r.CommitteesFormed), rows.Sum(r => r.Overdue), rows);
    }

    public async Task<ProvinceDashboardView> GetProvinceAsync(Caller caller, string province, int? limit, string? cursor, CancellationToken ct)
    {
        EnsureProvinceWide(caller);
        if (!caller.CanSee(province, string.Empty))
        {
            throw RequestRejectedException.NotFound($"tỉnh {province} / province {province}");
        }

        var definitions = CampaignDefinitions();
        var now = clock.GetUtcNow();
        var totals = (await progress.ByProvinceAsync(definitions, province, now, ct)).SingleOrDefault() is { } row ? Progress(row) : new ProvinceProgress(province, 0, 0, 0);
        var byStatus = await progress.ByStatusAsync(definitions, province, ct);
        var page = await progress.UnitsAsync(definitions, province, limit, cursor, ct);
        var units = page.Items.Select(r => CaseSummary.From(r, engine.Definitions, now))
            .Select(c => new UnitStatus(c.CaseId, c.District, c.Name, c.Status, c.CurrentStep, c.Steps, c.Overdue, c.DueAt)).ToList();
        return new ProvinceDashboardView(province, totals, byStatus, units, page.NextCursor);
    }

    /// <summary>Whether the caller has a national or province overview at all (district roles work their district's cases).</summary>
    public static bool HasOverview(Caller caller) => Roles.IsProvinceWide(caller.Role);

    private static void EnsureProvinceWide(Caller caller)
    {
        if (!HasOverview(caller))
        {
            throw RequestRejectedException.Forbidden();
        }
    }

    /// <summary>Every version of every procedure that serves the national plan: a unit started on an older one still counts.</summary>
    private List<string> CampaignDefinitions() =>
        [.. engine.Definitions.All.Where(d => d.Campaign?.Plan == NationalCampaignLauncher.Plan).Select(d => d.Id).Distinct(StringComparer.Ordinal)];

    private static ProvinceProgress Progress(ProvinceProgressRow r) => new(r.Province, r.Units, r.Formed, r.Overdue);
}
