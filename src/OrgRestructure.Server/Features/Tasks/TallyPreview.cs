using OrgRestructure.Domain.Rules;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>One candidate's computed outcome; <paramref name="AtThreshold"/>: exactly at the pass threshold, so the head decides (the form then asks for that decision).</summary>
public sealed record CandidatePreview(string Candidate, bool Passes, string ExplanationVi, string ExplanationEn, bool AtThreshold = false);

public sealed record TallyOutcome(bool Valid, string ExplanationVi, string ExplanationEn, IReadOnlyList<CandidatePreview> Candidates);

/// <summary>One candidate's ballots as the clerk is entering them.</summary>
public sealed record TallyPreviewRow(string? Candidate, int? High, int? Normal, int? Low, int? Invalid);

/// <summary>
/// What a vote-tally form will produce, computed by the same rule objects the engine applies on
/// submission (the count adds up, quorum, then each candidate against those summoned), with the
/// case's own quorum and pass threshold when the form belongs to a task. Nothing is recorded.
/// </summary>
public static class TallyPreview
{
    public static TallyOutcome Evaluate(int summoned, int present, IReadOnlyDictionary<string, int> votesInFavour, RuleParameters? parameters = null) =>
        Evaluate(summoned, present, null, null, [.. votesInFavour.Select(v => new TallyPreviewRow(v.Key, v.Value, 0, null, null))], parameters);

    public static TallyOutcome Evaluate(int summoned, int present, int? ballotsIssued, int? ballotsReturned, IReadOnlyList<TallyPreviewRow> rows, RuleParameters? parameters = null)
    {
        var tallies = rows.Where(r => !string.IsNullOrWhiteSpace(r.Candidate))
            .Select(r => new CandidateTally(r.Candidate!.Trim(), r.High ?? 0, r.Normal ?? 0, r.Low ?? 0, r.Invalid ?? 0)).ToList();

        // The count can only be checked once every ballot of every row is entered; before that the clerk is still typing.
        var complete = ballotsReturned is not null && rows.All(r => r.High is not null && r.Normal is not null && r.Low is not null && r.Invalid is not null);
        if (complete)
        {
            var consistency = TallyConsistencyRule.Check(new ConferenceTally(summoned, present, ballotsReturned!.Value, tallies, ballotsIssued));
            if (!consistency.IsConsistent)
            {
                return new TallyOutcome(false, consistency.Explanation.Vi, consistency.Explanation.En, []);
            }
        }

        var quorum = ConferenceQuorumRule.Evaluate(summoned, present, parameters);
        var candidates = quorum.IsValid
            ? tallies.Select(t => ConfidenceVoteRule.Evaluate(t, summoned, parameters))
                .Select(o => new CandidatePreview(o.Candidate, o.Passed, o.Explanation.Vi, o.Explanation.En, o.AwaitsHeadDecision)).ToList()
            : [];
        return new TallyOutcome(quorum.IsValid, quorum.Explanation.Vi, quorum.Explanation.En, candidates);
    }

    /// <summary>The quorum, pass threshold and surplus the case set for this conference or election (recorded on its task when it opened).</summary>
    public static RuleParameters RulesOf(CaseState state, string taskId)
    {
        if (!state.Tasks.TryGetValue(taskId, out var task))
        {
            throw RequestRejectedException.NotFound("việc / task " + taskId);
        }

        var rules = RuleParameters.Default;
        if (Ratio.TryParse(task.Context["quorum"]?.GetValue<string>(), out var quorum))
        {
            rules = rules with { ConferenceQuorum = quorum };
        }

        if (Ratio.TryParse(task.Context["passThreshold"]?.GetValue<string>(), out var threshold))
        {
            rules = rules with { ConfidencePassThreshold = threshold };
        }

        if (Ratio.TryParse(task.Context["surplus"]?.GetValue<string>(), out var surplus))
        {
            rules = rules with { MaximumSurplus = surplus };
        }

        return rules;
    }
}
