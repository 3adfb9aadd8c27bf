namespace OrgRestructure.Server.Features.Auth;

/// <summary>The people who use the system (design.md, "Users and their jobs").</summary>
public enum Role
{
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

    /// <summary>Roles whose scope is the whole province rather than one district.</summary>
    public static bool IsProvinceWide(Role role) =>
        role is Role.ProvinceOrganizationBoard or Role.Auditor or Role.Administrator;

    public static string Vietnamese(Role role) => role switch
    {
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
        Role.ProvinceOrganizationBoard => "Province organization board",
        Role.DistrictStandingCommittee => "District standing committee",
        Role.DistrictOrganizationBoard => "District organization board",
        Role.InspectionCommittee => "Inspection committee",
        Role.Reviewer => "Reviewer",
        Role.Auditor => "Auditor",
        Role.Administrator => "Administrator",
        _ => role.ToString(),
    };
}
