using OrgRestructure.Domain.Planning;

namespace OrgRestructure.Server.Features.Surveys;

public sealed record CommitteeProposal(string Id, string Name, string NameEn, int Organizations, int Members, IReadOnlyList<string> Blocs, IReadOnlyList<string> Rules, string BasisVi, string BasisEn);

public sealed record DistrictProposal(string District, int OrganizationsBefore, int Members, IReadOnlyList<CommitteeProposal> Committees);

public sealed record FlagView(string District, string Rule, string MessageVi, string MessageEn);

/// <summary>The domain planner's result as the API returns it (totals first, then per district, then the flags).</summary>
public sealed record PlanView(string Province, int OrganizationsBefore, int CommitteesAfter, int Members, IReadOnlyList<DistrictProposal> Districts, IReadOnlyList<FlagView> Flags, IReadOnlyList<string> PilotDistricts)
{
    public static PlanView From(RestructuringPlan plan, IReadOnlyList<string> pilotDistricts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanView(
            plan.Province,
            plan.Totals.OrganizationsBefore,
            plan.Totals.CommitteesAfter,
            plan.Totals.Members,
            [.. plan.Districts.Select(d => new DistrictProposal(d.District, d.OrganizationsBefore, d.Members, [.. d.Committees.Select(c => new CommitteeProposal(
                c.Id, c.Name, c.NameEn, c.SourceOrganizations.Count, c.Members, [.. c.Blocs.Select(b => b.ToString())], [.. c.Rules.Select(r => r.ToString())], c.Basis.Vi, c.Basis.En))]))],
            [.. plan.Flags.Select(f => new FlagView(f.District, f.Rule.ToString(), f.Reason.Vi, f.Reason.En))],
            pilotDistricts);
    }
}
