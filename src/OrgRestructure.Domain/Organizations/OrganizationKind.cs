namespace OrgRestructure.Domain.Organizations;

public enum OrganizationKind
{
    /// <summary>Chi bộ cơ sở: no subordinate cells.</summary>
    GrassrootsCell,

    /// <summary>Đảng bộ cơ sở: has subordinate cells.</summary>
    GrassrootsCommittee,
}
