namespace OrgRestructure.Domain.Organizations;

/// <summary>Totals a survey file claims were published, kept to compare against the plan.</summary>
public sealed record PublishedTotals(
    int OrganizationsBefore,
    int CommitteesAfter,
    int DistrictsWithSeparatePartyAndFrontCommittees,
    int DistrictsCombiningPartyAndFront,
    int DistrictsWithGovernmentBlocCommittee);

/// <summary>A province's survey of its districts' grassroots organizations, the planner's input.</summary>
public sealed record Survey(
    string Province,
    int? Year,
    IReadOnlyList<District> Districts,
    IReadOnlyList<string> PilotDistricts,
    PublishedTotals? PublishedTotals = null)
{
    public int OrganizationCount => Districts.Sum(d => d.Organizations.Count);

    public int Members => Districts.Sum(d => d.Members);
}
