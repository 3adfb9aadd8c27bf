namespace OrgRestructure.Domain.Organizations;

/// <summary>A surveyed grassroots party organization (chi bộ cơ sở or đảng bộ cơ sở) of a district's agencies.</summary>
public sealed record GrassrootsOrganization(string Id, string Name, Bloc Bloc, OrganizationKind Kind, int Members);
