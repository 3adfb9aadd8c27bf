using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Personnel;

/// <summary>Checks a slate before it goes to the conferences: every problem, each naming its position or candidate.</summary>
public static class SlateRules
{
    private static readonly Position[] _drawnFromExecutive =
        [Position.StandingCommitteeMember, Position.Secretary, Position.DeputySecretary];

    public static IReadOnlyList<Problem> Validate(Slate slate, RuleParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(slate);
        var problems = new List<Problem>();
        foreach (var group in slate.Entries.GroupBy(e => e.Position).Where(g => g.Count() > 1))
        {
            var label = Labels.Of(group.Key);
            problems.Add(new Problem("position-duplicated", label.En, $"{label.Vi} được liệt kê hai lần", $"{label.En} is listed twice"));
        }

        foreach (var entry in slate.Entries)
        {
            var label = Labels.Of(entry.Position);
            var surplus = SurplusRule.Evaluate(entry.Seats, entry.Candidates.Count, parameters);
            if (!surplus.Allowed)
            {
                problems.Add(new Problem("surplus", label.En, $"{label.Vi}: {surplus.Explanation.Vi}", $"{label.En}: {surplus.Explanation.En}"));
            }

            foreach (var id in entry.Candidates.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                problems.Add(new Problem("candidate-duplicated", id, $"có tên hai lần trong danh sách {label.Vi}", $"listed twice for {label.En}"));
            }

            foreach (var candidate in entry.Candidates.Where(c => string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.FullName)))
            {
                problems.Add(new Problem("candidate-incomplete", label.En, $"{label.Vi}: ứng cử viên thiếu mã hoặc họ tên", $"{label.En}: a candidate lacks an id or a full name"));
            }
        }

        problems.AddRange(CheckStructure(slate, parameters));
        return problems;
    }

    /// <summary>Whether a candidate may be voted on: on the slate, or nominated at the bloc conference (step 3).</summary>
    public static Problem? CheckOnSlate(Slate slate, Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(slate);
        ArgumentNullException.ThrowIfNull(candidate);
        return slate.Contains(candidate.Id) || candidate.NominatedAtConference
            ? null
            : new Problem("not-on-slate", candidate.FullName, "không có trong danh sách nhân sự", "is not on the slate");
    }

    private static IEnumerable<Problem> CheckStructure(Slate slate, RuleParameters? parameters)
    {
        var executive = slate.For(Position.ExecutiveCommitteeMember);
        if (executive is null)
        {
            yield return new Problem("executive-missing", "", "danh sách chưa có ban chấp hành", "the slate has no executive committee");
            yield break;
        }

        if (slate.For(Position.StandingCommitteeMember) is not null)
        {
            var standing = StandingCommitteeRule.Evaluate(executive.Seats, parameters);
            if (!standing.MayHaveStandingCommittee)
            {
                yield return new Problem("standing-committee-not-allowed", Labels.Of(Position.StandingCommitteeMember).En, standing.Explanation.Vi, standing.Explanation.En);
            }
        }

        var executiveIds = executive.Candidates.Select(c => c.Id).ToHashSet();
        foreach (var entry in slate.Entries.Where(e => _drawnFromExecutive.Contains(e.Position)))
        {
            var label = Labels.Of(entry.Position);
            foreach (var candidate in entry.Candidates.Where(c => !executiveIds.Contains(c.Id)))
            {
                yield return new Problem(
                    "not-on-executive-list",
                    candidate.FullName,
                    $"được giới thiệu làm {label.Vi} nhưng không có trong danh sách ban chấp hành",
                    $"proposed as {label.En} but not on the executive committee list");
            }
        }
    }
}
