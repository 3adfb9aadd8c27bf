namespace OrgRestructure.Server.Features.Campaigns;

public sealed record SurveyImported(string SurveyJson, int OrganizationsBefore, int CommitteesAfter, int Districts);

public sealed record DistrictsLaunched(string Phase, IReadOnlyList<string> Districts, IReadOnlyList<string> CaseIds);
