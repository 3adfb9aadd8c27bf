using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

public sealed record ElectionOutcome(
    string Candidate, bool Elected, int Votes, int Summoned, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems);

/// <summary>
/// An election is won with more than half of those summoned — not of the valid ballots
/// (Charter Art. 12.3): 11 summoned, 10 present, 5 votes → not elected; 6 → elected.
/// </summary>
public static partial class ElectionRule
{
    public static ElectionOutcome Evaluate(string candidate, int votes, int summoned, RuleParameters? parameters = null)
    {
        var threshold = (parameters ?? RuleParameters.Default).ElectionThreshold;
        var s = new Quantity("số người được triệu tập", "summoned", summoned);
        var v = new Quantity("số phiếu bầu", "votes", votes);
        var check = new InputCheck(candidate).NonNegative(s, v).Positive(s).NotAbove(v, s);
        if (check.Failed)
        {
            return new ElectionOutcome(candidate, false, votes, summoned, check.Refusal(), check.Problems);
        }

        var elected = threshold.IsExceededBy(votes, summoned);
        var percent = NumberText.Percent(votes, summoned);
        var (sign, vi, en) = elected ? (">", "trúng cử", "elected") : ("≤", "không trúng cử", "not elected");
        var explanation = new BilingualText(
            $"{candidate}: {votes}/{summoned} người được triệu tập ({percent.Vi}) {sign} {threshold} → {vi}",
            $"{candidate}: {votes} of {summoned} summoned ({percent.En}) {sign} {threshold} → {en}");
        return new ElectionOutcome(candidate, elected, votes, summoned, explanation, []);
    }
}
