using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

public sealed record QuorumOutcome(
    bool IsValid, int Summoned, int Present, int Required, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems);

/// <summary>A confidence-vote conference is valid only if at least 2/3 of those summoned attend (Reg. 96-QĐ/TW).</summary>
public static class ConferenceQuorumRule
{
    public static QuorumOutcome Evaluate(int summoned, int present, RuleParameters? parameters = null)
    {
        var quorum = (parameters ?? RuleParameters.Default).ConferenceQuorum;
        var s = new Quantity("số người được triệu tập", "summoned", summoned);
        var p = new Quantity("số người dự", "present", present);
        var check = new InputCheck("").NonNegative(s, p).Positive(s).NotAbove(p, s);
        var required = summoned < 0 ? 0 : quorum.MinimumToMeet(summoned);
        if (check.Failed)
        {
            return new QuorumOutcome(false, summoned, present, required, check.Refusal(), check.Problems);
        }

        var valid = quorum.IsMetBy(present, summoned);
        var explanation = valid
            ? new BilingualText(
                $"Hội nghị hợp lệ: {present}/{summoned} người dự, đạt tối thiểu {quorum} ({required})",
                $"Conference valid: {present} of {summoned} attended, at least {quorum} ({required})")
            : new BilingualText(
                $"Hội nghị không hợp lệ: {present}/{summoned} người dự, ít hơn {quorum} ({required})",
                $"Conference invalid: {present} of {summoned} attended, fewer than {quorum} ({required})");
        return new QuorumOutcome(valid, summoned, present, required, explanation, []);
    }
}
