namespace OrgRestructure.Messaging.Notifications;

/// <summary>
/// Who must hear that a step started beyond what the engine itself asks for. The formation
/// definition already notifies the future committee's members (step 2, invite-members), every
/// member and the new committee (step 6, notify-announced) and each task's role (task-created);
/// this adds the bloc's cell leaders when the bloc conference (step 3) starts and the appointees
/// when the standing committee's decision (step 5) starts. The directory resolves the groups,
/// within the step's committee (the event's scope); the server's from the case data.
/// </summary>
public static class StepAudience
{
    public const string BlocCellLeaders = "bloc-cell-leader";
    public const string Appointees = "appointee";

    /// <summary>The groups for a step id of the definition; empty for other steps.</summary>
    public static IReadOnlyList<string> For(string? stepId) => stepId switch
    {
        "bloc-vote" => [BlocCellLeaders],
        "decision" => [Appointees],
        _ => [],
    };
}
