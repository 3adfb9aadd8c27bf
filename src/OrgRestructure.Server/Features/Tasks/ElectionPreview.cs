using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>One candidate's votes as the clerk is entering them.</summary>
public sealed record ElectionPreviewRow(string? Name, int? Votes);

/// <summary>
/// What an election form (step 7: the inspection committee and its chair) will produce, by the rules
/// the engine applies on submission: the ballots add up, the number of candidates within the
/// surplus, who is elected for the seats (more than half of those summoned, best first, a tie for
/// the last seat voted again), and whether the chair is among the elected. Nothing is recorded.
/// </summary>
public static class ElectionPreview
{
    public static TallyOutcome Evaluate(int seats, int summoned, int present, int? ballotsIssued, int? ballotsReturned, IReadOnlyList<ElectionPreviewRow> rows, string? chair, RuleParameters? parameters = null)
    {
        if (ballotsReturned is { } returned)
        {
            var consistency = TallyConsistencyRule.Check(new ConferenceTally(summoned, present, returned, [], ballotsIssued));
            if (!consistency.IsConsistent)
            {
                return new TallyOutcome(false, consistency.Explanation.Vi, consistency.Explanation.En, []);
            }
        }

        var candidates = rows.Where(r => !string.IsNullOrWhiteSpace(r.Name) && r.Votes is not null).Select(r => new CandidateVotes(r.Name!.Trim(), r.Votes!.Value)).ToList();
        var surplus = SurplusRule.Evaluate(seats, candidates.Count, parameters);
        var election = ElectionRule.ElectSeats(seats, summoned, candidates, parameters);
        var vi = new List<string> { election.Explanation.Vi, surplus.Explanation.Vi };
        var en = new List<string> { election.Explanation.En, surplus.Explanation.En };
        var chairElected = true;
        if (!string.IsNullOrWhiteSpace(chair))
        {
            chairElected = election.Elected.Contains(chair.Trim());
            vi.Add(chairElected ? $"chủ nhiệm: {chair.Trim()}" : $"{chair.Trim()} không trúng cử nên không thể là chủ nhiệm");
            en.Add(chairElected ? $"chair: {chair.Trim()}" : $"{chair.Trim()} was not elected, so cannot be the chair");
        }

        return new TallyOutcome(
            election.Problems.Count == 0 && surplus.Allowed && chairElected,
            string.Join("; ", vi),
            string.Join("; ", en),
            [.. election.Candidates.Select(c => new CandidatePreview(c.Candidate, election.Elected.Contains(c.Candidate), c.Explanation.Vi, c.Explanation.En))]);
    }
}
