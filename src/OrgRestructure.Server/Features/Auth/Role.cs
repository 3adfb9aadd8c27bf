namespace OrgRestructure.Server.Features.Auth;

/// <summary>The people who use the system (design.md, "Users and their jobs").</summary>
public enum Role
{
    /// <summary>Ban Tổ chức Trung ương: reads every province and launches the national campaigns; works no province's tasks.</summary>
    CentralOrganizationBoard,
    ProvinceOrganizationBoard,
    DistrictStandingCommittee,
    DistrictOrganizationBoard,
    InspectionCommittee,
    Reviewer,
    Auditor,
    Administrator,
}

public static class Roles
{
    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>();

    /// <summary>Roles whose scope is the whole province (or, for the central board, the country) rather than one district.</summary>
    public static bool IsProvinceWide(Role role) =>
        role is Role.CentralOrganizationBoard or Role.ProvinceOrganizationBoard or Role.Auditor or Role.Administrator;

    /// <summary>The one role whose scope is every province.</summary>
    public static bool IsNational(Role role) => role == Role.CentralOrganizationBoard;

    public static string Vietnamese(Role role) => role switch
    {
        Role.CentralOrganizationBoard => "Ban Tổ chức Trung ương",
        Role.ProvinceOrganizationBoard => "Ban Tổ chức Tỉnh ủy",
        Role.DistrictStandingCommittee => "Ban Thường vụ huyện ủy",
        Role.DistrictOrganizationBoard => "Ban Tổ chức huyện ủy",
        Role.InspectionCommittee => "Ủy ban kiểm tra",
        Role.Reviewer => "Người duyệt",
        Role.Auditor => "Kiểm toán viên",
        Role.Administrator => "Quản trị viên",
        _ => role.ToString(),
    };

    public static string English(Role role) => role switch
    {
        Role.CentralOrganizationBoard => "Central Organization Commission",
        Role.ProvinceOrganizationBoard => "Province organization board",
        Role.DistrictStandingCommittee => "District standing committee",
        Role.DistrictOrganizationBoard => "District organization board",
        Role.InspectionCommittee => "Inspection committee",
        Role.Reviewer => "Reviewer",
        Role.Auditor => "Auditor",
        Role.Administrator => "Administrator",
        _ => role.ToString(),
    };

    /// <summary>The role name the workflow definitions use (task assigneeRole / candidateGroups).</summary>
    public static string EngineRole(Role role) => role switch
    {
        Role.CentralOrganizationBoard => "central-organization-board",
        Role.ProvinceOrganizationBoard => "province-organization-board",
        Role.DistrictStandingCommittee => "district-standing-committee",
        Role.DistrictOrganizationBoard => "district-organization-board",
        Role.InspectionCommittee => "district-inspection-committee",
        Role.Reviewer => "reviewer",
        Role.Auditor => "auditor",
        Role.Administrator => "admin",
        _ => role.ToString(),
    };

    /// <summary>The server role behind a definition's role name; null for roles no account holds (e.g. the new executive committee).</summary>
    public static Role? FromEngineRole(string engineRole) => All.Cast<Role?>().FirstOrDefault(r => EngineRole(r!.Value) == engineRole);

    /// <summary>A role — a definition's role name or a server role's name — in the page's language (falls back to the name itself).</summary>
    public static string Label(string engineRole, bool english) => (FromEngineRole(engineRole) ?? (Enum.TryParse<Role>(engineRole, out var parsed) ? (Role?)parsed : null)) is { } r
        ? english ? English(r) : Vietnamese(r)
        : engineRole switch
        {
            "new-executive-committee" => english ? "New executive committee" : "Ban chấp hành mới",
            "province-standing-committee" => english ? "Province standing committee" : "Ban Thường vụ Tỉnh ủy",
            "party-member" => english ? "Party members" : "Đảng viên",
            _ => engineRole,
        };
}
