using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

/// <summary>
/// One candidate's confidence ballots: high / normal / low confidence, or invalid (no box,
/// several boxes, names crossed out or added; Reg. 262-QĐ/TW, 96-QĐ/TW).
/// </summary>
public sealed record CandidateTally(string Candidate, int High, int Normal, int Low, int Invalid)
{
    /// <summary>Ballots expressing confidence: high plus normal.</summary>
    public int InFavour => High + Normal;

    public int Total => High + Normal + Low + Invalid;
}

/// <summary>
/// A conference's count: who was summoned, who came, how many ballots came back (cast), and per
/// candidate; <paramref name="BallotsIssued"/>, when the clerk counted it, is how many were handed out.
/// </summary>
public sealed record ConferenceTally(int Summoned, int Present, int BallotsCast, IReadOnlyList<CandidateTally> Candidates, int? BallotsIssued = null);

public sealed record TallyOutcome(bool IsConsistent, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems);

/// <summary>
/// A tally must add up: no negatives, present ≤ summoned, ballots returned ≤ issued ≤ present, and for every
/// candidate high + normal + low + invalid = ballots returned. Every problem is reported.
/// </summary>
public static class TallyConsistencyRule
{
    public static TallyOutcome Check(ConferenceTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var summoned = new Quantity("số người được triệu tập", "summoned", tally.Summoned);
        var present = new Quantity("số người dự", "present", tally.Present);
        var ballots = new Quantity("số phiếu thu vào", "ballots returned", tally.BallotsCast);
        var conference = new InputCheck("").NonNegative(summoned, present, ballots).NotAbove(present, summoned);
        if (tally.BallotsIssued is { } issuedCount)
        {
            // Returned ≤ issued ≤ present: a ballot comes back only if it was handed to someone there.
            var issued = new Quantity("số phiếu phát ra", "ballots issued", issuedCount);
            conference.NonNegative(issued).NotAbove(ballots, issued).NotAbove(issued, present);
        }
        else
        {
            conference.NotAbove(ballots, present);
        }

        var problems = new List<Problem>(conference.Problems);

        foreach (var group in tally.Candidates.GroupBy(c => c.Candidate, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new Problem("candidate-duplicated", group.Key, "ứng cử viên có tên hai lần trong kiểm phiếu", "candidate appears more than once in the tally"));
        }

        foreach (var candidate in tally.Candidates)
        {
            problems.AddRange(CheckCandidate(candidate, tally.BallotsCast));
        }

        var explanation = problems.Count == 0
            ? new BilingualText(
                $"Kiểm phiếu khớp: {tally.BallotsCast} phiếu thu vào ≤ {tally.Present} người dự ≤ {tally.Summoned} người được triệu tập; phiếu của {tally.Candidates.Count} ứng cử viên đều cộng đủ {tally.BallotsCast}",
                $"Tally consistent: {tally.BallotsCast} ballots returned ≤ {tally.Present} present ≤ {tally.Summoned} summoned; each of {tally.Candidates.Count} candidates' ballots add up to {tally.BallotsCast}")
            : new BilingualText(
                "Kiểm phiếu không khớp: " + string.Join("; ", problems.Select(p => p.ToString())),
                "Tally inconsistent: " + string.Join("; ", problems.Select(p => string.IsNullOrEmpty(p.Subject) ? p.En : $"{p.Subject}: {p.En}")));
        return new TallyOutcome(problems.Count == 0, explanation, problems);
    }

    private static IEnumerable<Problem> CheckCandidate(CandidateTally c, int ballotsCast)
    {
        var check = new InputCheck(c.Candidate).NonNegative(
            new Quantity("phiếu tín nhiệm cao", "high confidence", c.High),
            new Quantity("phiếu tín nhiệm", "normal confidence", c.Normal),
            new Quantity("phiếu tín nhiệm thấp", "low confidence", c.Low),
            new Quantity("phiếu không hợp lệ", "invalid", c.Invalid));
        if (c.Total != ballotsCast)
        {
            check.Add(
                "tally-mismatch",
                $"cao {c.High} + tín nhiệm {c.Normal} + thấp {c.Low} + không hợp lệ {c.Invalid} = {c.Total} ≠ {ballotsCast} phiếu thu vào",
                $"high {c.High} + normal {c.Normal} + low {c.Low} + invalid {c.Invalid} = {c.Total} ≠ {ballotsCast} ballots returned");
        }

        return check.Problems;
    }
}
