using System.Globalization;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>A candidate's line in a tally: how many of those summoned expressed confidence.</summary>
public sealed record CandidateVotes(string Name, int Votes);

public sealed record CandidateOutcome(string Name, int Votes, bool Passes, string ExplanationVi, string ExplanationEn);

public sealed record TallyOutcome(bool Valid, string ExplanationVi, string ExplanationEn, IReadOnlyList<CandidateOutcome> Candidates);

/// <summary>
/// The confidence-vote and election rules of domain.md: a conference is valid with at least 2/3 of
/// those summoned present; a candidate passes with more than half of those summoned (not of the
/// ballots cast). Each outcome is explained in words a clerk can check.
/// </summary>
public static class TallyRules
{
    public static IReadOnlyDictionary<string, string[]> Check(int summoned, int present, IReadOnlyList<CandidateVotes> candidates)
    {
        var errors = new Dictionary<string, string[]>();
        if (summoned <= 0)
        {
            errors["summoned"] = ["Số được triệu tập phải lớn hơn 0 / summoned must be greater than 0"];
        }

        if (present < 0 || present > summoned)
        {
            errors["present"] = ["Số có mặt phải từ 0 đến số được triệu tập / present must be between 0 and summoned"];
        }

        foreach (var c in candidates.Where(c => c.Votes < 0 || c.Votes > present))
        {
            errors["votes:" + c.Name] = [$"Số phiếu của {c.Name} phải từ 0 đến số có mặt / votes for {c.Name} must be between 0 and present"];
        }

        return errors;
    }

    public static TallyOutcome Evaluate(int summoned, int present, IReadOnlyList<CandidateVotes> candidates)
    {
        var quorum = (int)Math.Ceiling(summoned * 2 / 3.0);
        var valid = present >= quorum;
        var validVi = valid
            ? $"Hội nghị hợp lệ: {present}/{summoned} có mặt, đạt tối thiểu 2/3 ({quorum})"
            : $"Hội nghị không hợp lệ: {present}/{summoned} có mặt, ít hơn 2/3 ({quorum})";
        var validEn = valid
            ? $"conference valid: {present} of {summoned} attended, at least 2/3 ({quorum})"
            : $"conference invalid: {present} of {summoned} attended, fewer than 2/3 ({quorum})";
        var outcomes = candidates.Select(c =>
        {
            var pct = summoned == 0 ? 0 : c.Votes * 100.0 / summoned;
            var passes = valid && c.Votes * 2 > summoned;
            var p = pct.ToString("0.0", CultureInfo.InvariantCulture);
            var cmp = c.Votes * 2 > summoned ? ">" : c.Votes * 2 == summoned ? "=" : "<";
            return new CandidateOutcome(
                c.Name,
                c.Votes,
                passes,
                $"{c.Name}: {c.Votes}/{summoned} được triệu tập ({p}%) {cmp} 50% → {(passes ? "đạt" : "không đạt")}",
                $"{c.Name}: {c.Votes} of {summoned} summoned ({p}%) {cmp} 50% → {(passes ? "passes" : "fails")}");
        }).ToList();
        return new TallyOutcome(valid, validVi, validEn, outcomes);
    }
}
