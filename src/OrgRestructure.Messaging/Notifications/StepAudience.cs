namespace OrgRestructure.Messaging.Notifications;

/// <summary>
/// Who must hear that a step started when the engine did not name them: the group each of the
/// seven steps concerns (domain.md). The directory resolves the group within the case.
/// </summary>
public static class StepAudience
{
    public const string StandingCommittee = "standing-committee";
    public const string FutureCommitteeMembers = "future-committee-members";
    public const string BlocCellLeaders = "bloc-cell-leaders";
    public const string OrganizationBoard = "organization-board";
    public const string InspectionCommittee = "inspection-committee";
    public const string Appointees = "appointees";
    public const string AllMembers = "all-members";
    public const string NewExecutiveCommittee = "new-executive-committee";

    /// <summary>The groups for a step number (1–7); empty for other steps.</summary>
    public static IReadOnlyList<string> For(int? step) => step switch
    {
        1 => [StandingCommittee],
        2 => [FutureCommitteeMembers],
        3 => [BlocCellLeaders],
        4 => [OrganizationBoard, InspectionCommittee],
        5 => [Appointees],
        6 => [AllMembers],
        7 => [NewExecutiveCommittee],
        _ => [],
    };
}
