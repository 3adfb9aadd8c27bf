namespace OrgRestructure.Domain.Personnel;

/// <summary>The positions a slate fills for a new grassroots committee.</summary>
public enum Position
{
    /// <summary>Ủy viên ban chấp hành (cấp ủy viên).</summary>
    ExecutiveCommitteeMember,

    /// <summary>Ủy viên ban thường vụ.</summary>
    StandingCommitteeMember,

    /// <summary>Bí thư.</summary>
    Secretary,

    /// <summary>Phó bí thư.</summary>
    DeputySecretary,

    /// <summary>Ủy viên ủy ban kiểm tra.</summary>
    InspectionCommitteeMember,

    /// <summary>Chủ nhiệm ủy ban kiểm tra.</summary>
    InspectionCommitteeChair,
}
