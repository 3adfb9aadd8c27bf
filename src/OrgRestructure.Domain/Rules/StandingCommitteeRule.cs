using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

public sealed record StandingCommitteeOutcome(
    bool MayHaveStandingCommittee, int ExecutiveCommitteeSize, int MinimumSize, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems);

/// <summary>
/// An executive committee of 9 or more elects a standing committee; below 9 only a secretary and
/// deputies (Charter Art. 22.5, Guidance 01-HD/TW 15.1).
/// </summary>
public static class StandingCommitteeRule
{
    public static StandingCommitteeOutcome Evaluate(int executiveCommitteeSize, RuleParameters? parameters = null)
    {
        var minimum = (parameters ?? RuleParameters.Default).StandingCommitteeMinimumExecutiveSize;
        var check = new InputCheck("").Positive(new Quantity("số ủy viên ban chấp hành", "executive committee size", executiveCommitteeSize));
        if (check.Failed)
        {
            return new StandingCommitteeOutcome(false, executiveCommitteeSize, minimum, check.Refusal(), check.Problems);
        }

        var allowed = executiveCommitteeSize >= minimum;
        var explanation = allowed
            ? new BilingualText(
                $"Ban chấp hành {executiveCommitteeSize} người ≥ {minimum} → bầu ban thường vụ",
                $"Executive committee of {executiveCommitteeSize} ≥ {minimum} → elects a standing committee")
            : new BilingualText(
                $"Ban chấp hành {executiveCommitteeSize} người < {minimum} → không có ban thường vụ, chỉ có bí thư và phó bí thư",
                $"Executive committee of {executiveCommitteeSize} < {minimum} → no standing committee, only a secretary and deputies");
        return new StandingCommitteeOutcome(allowed, executiveCommitteeSize, minimum, explanation, []);
    }
}
