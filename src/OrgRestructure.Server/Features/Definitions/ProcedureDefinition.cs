using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Features.Definitions;

/// <summary>What a step asks for: each kind has its own form and validation.</summary>
public enum StepKind
{
    Slate,
    ConfidenceVote,
    BlocConfidenceVote,
    Vetting,
    Decision,
    Announcement,
    Election,
}

/// <summary>One step of a procedure: who acts on it (candidate roles) and when it is due.</summary>
public sealed record StepDefinition(int Number, string Code, StepKind Kind, string TitleVi, string TitleEn, IReadOnlyList<Role> CandidateRoles, int DueDays);

/// <summary>A procedure the server can run, pinned by id and version on each case.</summary>
public sealed record ProcedureDefinition(string Id, int Version, string TitleVi, string TitleEn, string LegalBasis, IReadOnlyList<StepDefinition> Steps)
{
    public const string FormationId = "party-committee-formation";

    /// <summary>The seven steps of Guidance 38-HD/BTCTW (domain.md); due days count from the case start.</summary>
    public static readonly ProcedureDefinition Formation = new(
        FormationId,
        1,
        "Thành lập đảng bộ cơ sở trong các cơ quan cấp huyện",
        "Forming grassroots party committees in district-level agencies",
        "Hướng dẫn 38-HD/BTCTW; Điều lệ Đảng Điều 13.5",
        [
            new(1, "define-criteria-and-slate", StepKind.Slate, "Xây dựng tiêu chuẩn và danh sách nhân sự", "Define criteria and slate", [Role.DistrictStandingCommittee], 5),
            new(2, "members-confidence-vote", StepKind.ConfidenceVote, "Hội nghị đảng viên lấy phiếu tín nhiệm", "Members' confidence vote", [Role.DistrictOrganizationBoard], 10),
            new(3, "bloc-confidence-vote", StepKind.BlocConfidenceVote, "Hội nghị cấp ủy khối lấy phiếu tín nhiệm", "Bloc committee confidence vote", [Role.DistrictOrganizationBoard], 14),
            new(4, "vetting", StepKind.Vetting, "Thẩm định nhân sự", "Vetting", [Role.InspectionCommittee, Role.Reviewer], 18),
            new(5, "standing-committee-decision", StepKind.Decision, "Ban Thường vụ quyết định", "Standing committee decision", [Role.DistrictStandingCommittee], 22),
            new(6, "announcement", StepKind.Announcement, "Lễ công bố quyết định", "Announcement ceremony", [Role.DistrictOrganizationBoard], 26),
            new(7, "inspection-committee-election", StepKind.Election, "Bầu Ủy ban kiểm tra", "Inspection committee election", [Role.DistrictOrganizationBoard], 30),
        ]);

    public static readonly IReadOnlyList<ProcedureDefinition> All = [Formation];

    public StepDefinition Step(int number) => Steps.First(s => s.Number == number);
}
