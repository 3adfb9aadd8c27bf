namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// Which of the seven steps of domain.md each step id of the shipped formation definitions
/// belongs to (workflows/party-committee-formation*.json). Notifications name the step by it.
/// </summary>
public static class StepNumbers
{
    private static readonly Dictionary<string, int> ById = new(StringComparer.Ordinal)
    {
        ["slate"] = 1,
        ["invite-members"] = 2,
        ["members-vote"] = 2,
        ["bloc-vote"] = 3,
        ["vetting"] = 4,
        ["decision"] = 5,
        ["announcement"] = 6,
        ["notify-announced"] = 6,
        ["inspection-election"] = 7,
        ["first-meeting"] = 7,
    };

    public static int? Of(string? stepId) => stepId is not null && ById.TryGetValue(stepId, out var n) ? n : null;
}
