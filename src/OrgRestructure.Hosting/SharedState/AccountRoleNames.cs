namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// The role names an account may hold, as stored. The server's <c>Role</c> enum has exactly these
/// members (a test holds them together); the CLI checks <c>users add --role</c> against this list.
/// </summary>
public static class AccountRoleNames
{
    public static readonly IReadOnlyList<string> All =
    [
        "ProvinceOrganizationBoard",
        "DistrictStandingCommittee",
        "DistrictOrganizationBoard",
        "InspectionCommittee",
        "Reviewer",
        "Auditor",
        "Administrator",
    ];

    /// <summary>Roles whose scope is the whole province: they have no district.</summary>
    public static bool IsProvinceWide(string role) => role is "ProvinceOrganizationBoard" or "Auditor" or "Administrator";
}
