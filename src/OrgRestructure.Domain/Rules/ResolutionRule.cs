using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

public sealed record ResolutionOutcome(
    bool Passes, int Approving, int Members, int Excluded, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems)
{
    /// <summary>The denominator: members less those excused for the whole session, suspended or prosecuted.</summary>
    public int Denominator => Members - Excluded;
}

/// <summary>
/// A resolution passes with more than half of the body's members approving; the denominator is
/// those summoned less listed exclusions (Charter Art. 9.5, Regulation 24-QĐ/TW §9.3).
/// </summary>
public static class ResolutionRule
{
    public static ResolutionOutcome Evaluate(int approving, int members, int excluded, RuleParameters? parameters = null)
    {
        var threshold = (parameters ?? RuleParameters.Default).ResolutionThreshold;
        var m = new Quantity("số thành viên", "members", members);
        var x = new Quantity("số trường hợp loại trừ", "exclusions", excluded);
        var a = new Quantity("số tán thành", "approving", approving);
        var denominator = new Quantity("số thành viên trừ loại trừ", "members less exclusions", members - excluded);
        var check = new InputCheck("").NonNegative(m, x, a).Positive(m).NotAbove(x, m);
        if (!check.Failed)
        {
            check.Positive(denominator).NotAbove(a, denominator);
        }

        if (check.Failed)
        {
            return new ResolutionOutcome(false, approving, members, excluded, check.Refusal(), check.Problems);
        }

        var passes = threshold.IsExceededBy(approving, denominator.Value);
        var percent = NumberText.Percent(approving, denominator.Value);
        var (sign, vi, en) = passes
            ? (">", "Nghị quyết được thông qua", "Resolution passes")
            : ("≤", "Nghị quyết không được thông qua", "Resolution fails");
        var explanation = new BilingualText(
            $"{vi}: {approving}/{denominator.Value} tán thành ({percent.Vi}) {sign} {threshold} ({members} thành viên, trừ {excluded} trường hợp loại trừ)",
            $"{en}: {approving} of {denominator.Value} approve ({percent.En}) {sign} {threshold} ({members} members less {excluded} excluded)");
        return new ResolutionOutcome(passes, approving, members, excluded, explanation, []);
    }
}
