namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// The role names an account may hold, as stored. The server's <c>Role</c> enum has exactly these
/// members (a test holds them together); the CLI checks <c>users add --role</c> against this list.
/// </summary>
public static class AccountRoleNames
{
    public static readonly IReadOnlyList<string> All =
    [
        "CentralOrganizationBoard",
        "ProvinceOrganizationBoard",
        "DistrictStandingCommittee",
        "DistrictOrganizationBoard",
        "InspectionCommittee",
        "Reviewer",
        "Auditor",
        "Administrator",
    ];

    /// <summary>Roles whose scope is the whole province (the central board's: the country): they have no district.</summary>
    public static bool IsProvinceWide(string role) => role is "CentralOrganizationBoard" or "ProvinceOrganizationBoard" or "Auditor" or "Administrator";
}
