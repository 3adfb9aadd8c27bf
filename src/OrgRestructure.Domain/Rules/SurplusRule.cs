using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

public sealed record SurplusOutcome(
    bool Allowed, int Seats, int Candidates, int MaximumSurplus, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems)
{
    public int MaximumCandidates => Seats + MaximumSurplus;
}

/// <summary>
/// Candidates beyond seats (190-QĐ/TW Art. 14): at most 30% of the seats, rounded down; elections of
/// up to 5 seats may have at most 1 extra. The text names 3–5 seats; 1–2 seats get the same
/// allowance of 1, because 30% of 1 or 2 rounds down to 0 and would leave no choice at all.
/// An equal number of candidates and seats is allowed (appointment from above has no surplus);
/// fewer candidates than seats is not.
/// </summary>
public static class SurplusRule
{
    public static int MaximumSurplus(int seats, RuleParameters? parameters = null)
    {
        var p = parameters ?? RuleParameters.Default;
        return seats <= p.SmallElectionMaximumSeats
            ? p.SmallElectionMaximumSurplus
            : (int)((long)seats * p.MaximumSurplus.Numerator / p.MaximumSurplus.Denominator);
    }

    public static SurplusOutcome Evaluate(int seats, int candidates, RuleParameters? parameters = null)
    {
        var p = parameters ?? RuleParameters.Default;
        var s = new Quantity("số lượng cần bầu", "seats", seats);
        var c = new Quantity("số ứng cử viên", "candidates", candidates);
        var check = new InputCheck("").NonNegative(s, c).Positive(s);
        if (check.Failed)
        {
            return new SurplusOutcome(false, seats, candidates, 0, check.Refusal(), check.Problems);
        }

        var maximum = MaximumSurplus(seats, p);
        var (basisVi, basisEn) = seats <= p.SmallElectionMaximumSeats
            ? ($"tối đa {maximum} khi bầu từ {p.SmallElectionMaximumSeats} người trở xuống", $"at most {maximum} for {p.SmallElectionMaximumSeats} seats or fewer")
            : ($"tối đa {p.MaximumSurplus} của {seats} = {maximum}", $"at most {p.MaximumSurplus} of {seats} = {maximum}");
        var surplus = candidates - seats;
        var head = new BilingualText($"{seats} người cần bầu, {candidates} ứng cử viên", $"{seats} seats, {candidates} candidates");
        BilingualText explanation;
        bool allowed;
        if (surplus < 0)
        {
            allowed = false;
            explanation = new BilingualText($"{head.Vi}: ít hơn số cần bầu → không hợp lệ", $"{head.En}: fewer candidates than seats → not allowed");
        }
        else
        {
            allowed = surplus <= maximum;
            explanation = allowed
                ? new BilingualText($"{head.Vi}: dư {surplus}, {basisVi} → hợp lệ", $"{head.En}: {surplus} extra, {basisEn} → allowed")
                : new BilingualText($"{head.Vi}: dư {surplus}, vượt mức {basisVi} → không hợp lệ", $"{head.En}: {surplus} extra, more than {basisEn} → not allowed");
        }

        return new SurplusOutcome(allowed, seats, candidates, maximum, explanation, []);
    }
}
