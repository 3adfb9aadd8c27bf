using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

public enum ConfidenceVerdict
{
    Passes,
    Fails,

    /// <summary>Exactly at the threshold: the head of the body decides, and who and why is recorded.</summary>
    HeadDecides,
}

/// <summary>The head's decision on a candidate who is exactly at the threshold.</summary>
public sealed record HeadDecision(string DecidedBy, bool Approves, string Reason);

public sealed record ConfidenceVoteOutcome(
    string Candidate,
    ConfidenceVerdict Verdict,
    int VotesInFavour,
    int Summoned,
    HeadDecision? HeadDecision,
    BilingualText Explanation,
    IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems)
{
    public bool Passed => Verdict == ConfidenceVerdict.Passes;

    /// <summary>True while a tie waits for the head's recorded decision.</summary>
    public bool AwaitsHeadDecision => Verdict == ConfidenceVerdict.HeadDecides;
}

/// <summary>
/// A candidate passes a pre-appointment confidence vote with more than the threshold (default 50%)
/// of those summoned; exactly at it the head decides (Decree 170/2025 Art. 33 mirror; configurable).
/// </summary>
public static class ConfidenceVoteRule
{
    public static ConfidenceVoteOutcome Evaluate(CandidateTally tally, int summoned, RuleParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return Evaluate(tally.Candidate, tally.InFavour, summoned, parameters);
    }

    public static ConfidenceVoteOutcome Evaluate(string candidate, int votesInFavour, int summoned, RuleParameters? parameters = null)
    {
        var threshold = (parameters ?? RuleParameters.Default).ConfidencePassThreshold;
        var s = new Quantity("số người được triệu tập", "summoned", summoned);
        var v = new Quantity("số phiếu tín nhiệm", "votes in favour", votesInFavour);
        var check = new InputCheck(candidate).NonNegative(s, v).Positive(s).NotAbove(v, s);
        if (check.Failed)
        {
            return new ConfidenceVoteOutcome(candidate, ConfidenceVerdict.Fails, votesInFavour, summoned, null, check.Refusal(), check.Problems);
        }

        var verdict = threshold.IsExceededBy(votesInFavour, summoned) ? ConfidenceVerdict.Passes
            : threshold.IsExactlyAt(votesInFavour, summoned) ? ConfidenceVerdict.HeadDecides
            : ConfidenceVerdict.Fails;
        var (sign, vi, en) = verdict switch
        {
            ConfidenceVerdict.Passes => (">", "đạt", "passes"),
            ConfidenceVerdict.HeadDecides => ("=", "người đứng đầu quyết định", "the head decides"),
            _ => ("<", "không đạt", "fails"),
        };
        var percent = NumberText.Percent(votesInFavour, summoned);
        var explanation = new BilingualText(
            $"{candidate}: {votesInFavour}/{summoned} người được triệu tập ({percent.Vi}) {sign} {threshold} → {vi}",
            $"{candidate}: {votesInFavour} of {summoned} summoned ({percent.En}) {sign} {threshold} → {en}");
        return new ConfidenceVoteOutcome(candidate, verdict, votesInFavour, summoned, null, explanation, []);
    }

    /// <summary>
    /// Settles a tie with the head's decision. Refused unless the outcome is a tie awaiting a
    /// decision and the decision names who decided and why.
    /// </summary>
    public static DomainResult<ConfidenceVoteOutcome> RecordHeadDecision(ConfidenceVoteOutcome outcome, HeadDecision decision)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(decision);
        var check = new InputCheck(outcome.Candidate);
        if (!outcome.AwaitsHeadDecision)
        {
            check.Add(
                "no-tie",
                "kết quả không ở đúng ngưỡng nên không cần người đứng đầu quyết định",
                "the result is not exactly at the threshold, so there is nothing for the head to decide");
        }

        if (string.IsNullOrWhiteSpace(decision.DecidedBy))
        {
            check.Add("decided-by-missing", "phải ghi rõ người đứng đầu đã quyết định", "the head who decided must be recorded");
        }

        if (string.IsNullOrWhiteSpace(decision.Reason))
        {
            check.Add("reason-missing", "phải ghi rõ lý do quyết định", "the reason for the decision must be recorded");
        }

        if (check.Failed)
        {
            return DomainResult.Failure<ConfidenceVoteOutcome>(check.Problems);
        }

        var (vi, en) = decision.Approves ? ("đạt", "passes") : ("không đạt", "fails");
        var explanation = new BilingualText(
            $"{outcome.Explanation.Vi}: {decision.DecidedBy} quyết định {vi} — lý do: {decision.Reason}",
            $"{outcome.Explanation.En}: {decision.DecidedBy} decided it {en} — reason: {decision.Reason}");
        return DomainResult.Success(outcome with
        {
            Verdict = decision.Approves ? ConfidenceVerdict.Passes : ConfidenceVerdict.Fails,
            HeadDecision = decision,
            Explanation = explanation,
        });
    }
}
