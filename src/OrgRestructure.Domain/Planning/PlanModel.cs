using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;

namespace OrgRestructure.Domain.Planning;

/// <summary>The planner's four rules, named so each committee and flag says which rules made it.</summary>
public enum PlanningRule
{
    /// <summary>1. A bloc with at least the threshold of members forms its own committee.</summary>
    OwnCommittee,

    /// <summary>2. The party-agencies and front blocs combine when either is under the threshold.</summary>
    CombinedPartyAndFront,

    /// <summary>3. A group still under the threshold joins the district's largest group.</summary>
    JoinedLargestGroup,

    /// <summary>4. A district under the threshold in total forms none and is flagged for the province.</summary>
    DistrictTooSmall,
}

/// <summary>
/// A grassroots party committee (đảng bộ cơ sở) to form: its source organizations become its
/// subordinate cells. <see cref="Id"/> is stable for the same survey (district slug + blocs).
/// </summary>
public sealed record ProposedCommittee(
    string Id,
    string District,
    IReadOnlyList<Bloc> Blocs,
    IReadOnlyList<GrassrootsOrganization> SourceOrganizations,
    string Name,
    string NameEn,
    IReadOnlyList<PlanningRule> Rules,
    BilingualText Basis)
{
    public IReadOnlyList<string> SourceOrganizationIds => SourceOrganizations.Select(o => o.Id).ToList();

    public int Members => SourceOrganizations.Sum(o => o.Members);
}

/// <summary>A district the planner could not settle: the province decides.</summary>
public sealed record PlanFlag(string District, PlanningRule Rule, BilingualText Reason);

public sealed record DistrictPlan(
    string District,
    DistrictKind Kind,
    int OrganizationsBefore,
    int Members,
    IReadOnlyList<ProposedCommittee> Committees,
    PlanFlag? Flag,
    IReadOnlyList<BilingualText> Explanations)
{
    public int CommitteesAfter => Committees.Count;

    /// <summary>The party-agencies and the front bloc each have a committee of their own.</summary>
    public bool SeparatesPartyAndFront => HasCommitteeOf(Bloc.PartyAgencies) && HasCommitteeOf(Bloc.FrontAndMassOrganizations);

    /// <summary>The party-agencies and the front bloc share one committee.</summary>
    public bool CombinesPartyAndFront =>
        Committees.Any(c => c.Blocs.Contains(Bloc.PartyAgencies) && c.Blocs.Contains(Bloc.FrontAndMassOrganizations));

    /// <summary>The government bloc has a committee of its own.</summary>
    public bool HasGovernmentBlocCommittee => HasCommitteeOf(Bloc.Government);

    private bool HasCommitteeOf(Bloc bloc) => Committees.Any(c => c.Blocs.Count == 1 && c.Blocs[0] == bloc);
}

public sealed record PlanTotals(
    int Districts,
    int OrganizationsBefore,
    int CommitteesAfter,
    int Members,
    int DistrictsWithSeparatePartyAndFrontCommittees,
    int DistrictsCombiningPartyAndFront,
    int DistrictsWithGovernmentBlocCommittee,
    int FlaggedDistricts);

public sealed record RestructuringPlan(string Province, IReadOnlyList<DistrictPlan> Districts, PlanTotals Totals)
{
    public IEnumerable<ProposedCommittee> Committees => Districts.SelectMany(d => d.Committees);

    public IEnumerable<PlanFlag> Flags => Districts.Where(d => d.Flag is not null).Select(d => d.Flag!);

    /// <summary>Where the plan differs from the totals the survey says were published (empty when it matches).</summary>
    public IReadOnlyList<BilingualText> CompareWith(PublishedTotals published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var differences = new List<BilingualText>();
        void Compare(int planned, int expected, string vi, string en)
        {
            if (planned != expected)
            {
                differences.Add(new BilingualText($"{vi}: kế hoạch {planned}, công bố {expected}", $"{en}: planned {planned}, published {expected}"));
            }
        }

        Compare(Totals.OrganizationsBefore, published.OrganizationsBefore, "Số tổ chức cơ sở đảng trước", "Organizations before");
        Compare(Totals.CommitteesAfter, published.CommitteesAfter, "Số đảng bộ cơ sở sau", "Committees after");
        Compare(Totals.DistrictsWithSeparatePartyAndFrontCommittees, published.DistrictsWithSeparatePartyAndFrontCommittees, "Huyện lập riêng khối Đảng và khối Mặt trận", "Districts with separate party and front committees");
        Compare(Totals.DistrictsCombiningPartyAndFront, published.DistrictsCombiningPartyAndFront, "Huyện hợp nhất khối Đảng và khối Mặt trận", "Districts combining party and front");
        Compare(Totals.DistrictsWithGovernmentBlocCommittee, published.DistrictsWithGovernmentBlocCommittee, "Huyện có đảng bộ khối chính quyền", "Districts with a government-bloc committee");
        return differences;
    }
}
