namespace OrgRestructure.Server.Features.Campaigns;

/// <summary>The survey as imported (its text and format), so the plan can be recomputed at any point of the history.</summary>
public sealed record SurveyImported(string Content, string Format, int OrganizationsBefore, int CommitteesAfter, int Districts);

public sealed record DistrictsLaunched(string Phase, IReadOnlyList<string> Districts, IReadOnlyList<string> CaseIds);
