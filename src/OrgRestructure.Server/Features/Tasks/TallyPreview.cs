using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Server.Features.Tasks;

public sealed record CandidatePreview(string Candidate, bool Passes, string ExplanationVi, string ExplanationEn);

public sealed record TallyOutcome(bool Valid, string ExplanationVi, string ExplanationEn, IReadOnlyList<CandidatePreview> Candidates);

/// <summary>
/// What a vote-tally form will produce, computed by the domain's rules (quorum, then each
/// candidate against those summoned) so the clerk sees it before submitting. Nothing is recorded;
/// the engine applies the same rules when the form is submitted.
/// </summary>
public static class TallyPreview
{
    public static TallyOutcome Evaluate(int summoned, int present, IReadOnlyDictionary<string, int> votesInFavour)
    {
        var quorum = ConferenceQuorumRule.Evaluate(summoned, present);
        var candidates = quorum.IsValid
            ? votesInFavour.Select(v => ConfidenceVoteRule.Evaluate(v.Key, v.Value, summoned))
                .Select(o => new CandidatePreview(o.Candidate, o.Passed, o.Explanation.Vi, o.Explanation.En)).ToList()
            : [];
        return new TallyOutcome(quorum.IsValid, quorum.Explanation.Vi, quorum.Explanation.En, candidates);
    }
}
