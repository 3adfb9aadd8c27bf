using System.Globalization;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Rules;

public enum PollOutcome
{
    Passed,
    Failed,
    HeadDecides,
}

/// <summary>
/// The engine's single entry to the party rules of domain.md, with the sentence a clerk can
/// check for each outcome. Thresholds come from the workflow definition's parameters.
/// </summary>
internal static class PartyRules
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static (bool Valid, LocalizedText Explanation) ConferenceValidity(int summoned, int present, Fraction quorum)
    {
        var needed = quorum.MinimumReaching(summoned);
        var valid = quorum.IsReachedBy(present, summoned);
        return valid
            ? (true, new($"Hội nghị hợp lệ: {present}/{summoned} người được triệu tập có mặt, đạt ít nhất {quorum} ({needed}).",
                $"Conference valid: {present} of {summoned} summoned attended, at least {quorum} ({needed})."))
            : (false, new($"Hội nghị không hợp lệ: {present}/{summoned} người được triệu tập có mặt, ít hơn {quorum} ({needed}).",
                $"Conference invalid: {present} of {summoned} attended, fewer than {quorum} ({needed})."));
    }

    public static (PollOutcome Outcome, LocalizedText Explanation) ConfidencePoll(string candidate, int approving, int summoned, Fraction threshold)
    {
        var pct = Percent(approving, summoned);
        if (threshold.IsExceededBy(approving, summoned))
        {
            return (PollOutcome.Passed, new($"{candidate}: {approving}/{summoned} người được triệu tập tín nhiệm ({pct.Vi}) > {threshold} → đạt.",
                $"{candidate}: {approving} of {summoned} summoned ({pct.En}) > {threshold} → passes."));
        }

        if (threshold.IsMetExactlyBy(approving, summoned))
        {
            return (PollOutcome.HeadDecides, new($"{candidate}: {approving}/{summoned} người được triệu tập tín nhiệm ({pct.Vi}) = đúng {threshold} → người đứng đầu quyết định.",
                $"{candidate}: {approving} of {summoned} summoned ({pct.En}) = exactly {threshold} → the head of the body decides."));
        }

        return (PollOutcome.Failed, new($"{candidate}: {approving}/{summoned} người được triệu tập tín nhiệm ({pct.Vi}) không quá {threshold} → không đạt.",
            $"{candidate}: {approving} of {summoned} summoned ({pct.En}) is not more than {threshold} → fails."));
    }

    public static (bool Elected, LocalizedText Explanation) Election(string candidate, int votes, int summoned)
    {
        var pct = Percent(votes, summoned);
        return votes * 2 > summoned
            ? (true, new($"{candidate}: {votes}/{summoned} người được triệu tập ({pct.Vi}) > 1/2 → trúng cử.", $"{candidate}: {votes} of {summoned} summoned ({pct.En}) > 1/2 → elected."))
            : (false, new($"{candidate}: {votes}/{summoned} người được triệu tập ({pct.Vi}) không quá 1/2 → không trúng cử.", $"{candidate}: {votes} of {summoned} summoned ({pct.En}) is not more than 1/2 → not elected."));
    }

    /// <summary>Candidates beyond seats: at most 30% more; where 3–5 seats are filled, at most 1 more.</summary>
    public static (bool Allowed, int MaxCandidates, LocalizedText Explanation) Surplus(int seats, int candidates, Fraction surplus)
    {
        var max = seats is >= 3 and <= 5 ? seats + 1 : seats + (int)(seats * (long)surplus.Numerator / surplus.Denominator);
        var allowed = candidates >= seats && candidates <= max;
        var why = seats is >= 3 and <= 5 ? "với 3–5 chỗ chỉ được thêm 1" : $"không quá {surplus} số chỗ";
        var whyEn = seats is >= 3 and <= 5 ? "3–5 seats allow at most 1 more" : $"at most {surplus} more than the seats";
        return (allowed, max, allowed
            ? new($"{candidates} ứng cử viên cho {seats} chỗ: hợp lệ (tối đa {max}, {why}).", $"{candidates} candidates for {seats} seats: allowed (at most {max}; {whyEn}).")
            : new($"{candidates} ứng cử viên cho {seats} chỗ: không hợp lệ (phải từ {seats} đến {max}, {why}).", $"{candidates} candidates for {seats} seats: not allowed (must be {seats} to {max}; {whyEn})."));
    }

    /// <summary>An executive committee of at least <paramref name="minimum"/> (9) elects a standing committee.</summary>
    public static (bool Allowed, LocalizedText Explanation) StandingCommittee(int executiveSeats, int minimum) =>
        executiveSeats >= minimum
            ? (true, new($"Ban chấp hành {executiveSeats} người (≥ {minimum}): có ban thường vụ.", $"Executive committee of {executiveSeats} (≥ {minimum}): has a standing committee."))
            : (false, new($"Ban chấp hành {executiveSeats} người (< {minimum}): chỉ có bí thư, phó bí thư, không có ban thường vụ.", $"Executive committee of {executiveSeats} (< {minimum}): only a secretary and deputies, no standing committee."));

    private static (string Vi, string En) Percent(int part, int whole)
    {
        var value = whole == 0 ? 0 : 100.0 * part / whole;
        return (value.ToString("0.0", Vi) + "%", value.ToString("0.0", CultureInfo.InvariantCulture) + "%");
    }
}

/// <summary>Counts that must add up before any outcome is computed.</summary>
internal static class TallyRules
{
    public static void Attendance(int summoned, int present, int ballotsCast, List<FieldProblem> problems)
    {
        if (present > summoned)
        {
            problems.Add(new("present", $"số có mặt ({present}) lớn hơn số được triệu tập ({summoned})", $"present ({present}) is more than summoned ({summoned})"));
        }

        if (ballotsCast > present)
        {
            problems.Add(new("ballotsCast", $"số phiếu phát ra ({ballotsCast}) lớn hơn số có mặt ({present})", $"ballots cast ({ballotsCast}) is more than present ({present})"));
        }
    }

    public static void ConfidenceTally(string field, string candidate, int high, int normal, int low, int invalid, int ballotsCast, List<FieldProblem> problems)
    {
        var sum = high + normal + low + invalid;
        if (sum != ballotsCast)
        {
            problems.Add(new(field,
                $"{candidate}: cao {high} + tín nhiệm {normal} + thấp {low} + không hợp lệ {invalid} = {sum}, khác số phiếu phát ra {ballotsCast}",
                $"{candidate}: high {high} + normal {normal} + low {low} + invalid {invalid} = {sum}, not the {ballotsCast} ballots cast"));
        }
    }
}
