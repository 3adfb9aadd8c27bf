using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

public sealed record CandidateVotes(string Candidate, int Votes);

public sealed record SeatElectionOutcome(
    int Seats,
    IReadOnlyList<ElectionOutcome> Candidates,
    IReadOnlyList<string> Elected,
    IReadOnlyList<string> TiedForLastSeats,
    BilingualText Explanation,
    IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems)
{
    /// <summary>Seats left empty: nobody else passed the threshold, or a tie must be voted again.</summary>
    public int VacantSeats => Seats - Elected.Count;
}

public static partial class ElectionRule
{
    /// <summary>
    /// Fills seats from candidates who pass the threshold, most votes first. When candidates with
    /// equal votes compete for the last seats, none of them is elected: they go to another ballot.
    /// </summary>
    public static SeatElectionOutcome ElectSeats(int seats, int summoned, IReadOnlyList<CandidateVotes> candidates, RuleParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var outcomes = candidates.Select(c => Evaluate(c.Candidate, c.Votes, summoned, parameters)).ToList();
        var check = new InputCheck("").Positive(new Quantity("số lượng cần bầu", "seats", seats));
        foreach (var group in candidates.GroupBy(c => c.Candidate, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            check.Add("candidate-duplicated", $"{group.Key} có tên hai lần", $"{group.Key} is listed twice");
        }

        var problems = check.Problems.Concat(outcomes.SelectMany(o => o.Problems)).ToList();
        if (problems.Count > 0)
        {
            return new SeatElectionOutcome(seats, outcomes, [], [], new BilingualText(
                "Dữ liệu bầu cử không hợp lệ: " + string.Join("; ", problems.Select(p => p.ToString())),
                "Invalid election input: " + string.Join("; ", problems.Select(p => string.IsNullOrEmpty(p.Subject) ? p.En : $"{p.Subject}: {p.En}"))), problems);
        }

        var elected = new List<string>();
        var tied = new List<string>();
        foreach (var group in outcomes.Where(o => o.Elected).GroupBy(o => o.Votes).OrderByDescending(g => g.Key))
        {
            var names = group.Select(o => o.Candidate).ToList();
            if (elected.Count + names.Count <= seats)
            {
                elected.AddRange(names);
            }
            else
            {
                if (elected.Count < seats)
                {
                    tied.AddRange(names);
                }

                break;
            }
        }

        var results = outcomes.Select(o => elected.Contains(o.Candidate) ? o : o with
        {
            Elected = false,
            Explanation = tied.Contains(o.Candidate)
                ? new BilingualText(o.Explanation.Vi + " nhưng bằng phiếu ở ghế cuối → bầu lại", o.Explanation.En + " but tied for the last seats → vote again")
                : o.Elected
                    ? new BilingualText(o.Explanation.Vi + " nhưng ít phiếu hơn những người đã đủ ghế", o.Explanation.En + " but fewer votes than those who filled the seats")
                    : o.Explanation,
        }).ToList();
        var explanation = new BilingualText(
            $"Bầu {seats} người: trúng cử {elected.Count} ({string.Join(", ", elected)})" + (tied.Count > 0 ? $"; bằng phiếu, phải bầu lại: {string.Join(", ", tied)}" : "") + $"; còn thiếu {seats - elected.Count}",
            $"{seats} seats: {elected.Count} elected ({string.Join(", ", elected)})" + (tied.Count > 0 ? $"; tied, vote again: {string.Join(", ", tied)}" : "") + $"; {seats - elected.Count} vacant");
        return new SeatElectionOutcome(seats, results, elected, tied, explanation, []);
    }
}
