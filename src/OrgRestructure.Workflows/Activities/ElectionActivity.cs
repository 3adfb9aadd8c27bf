using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// An election (e.g. the new executive committee electing its inspection committee). Config:
/// "body", "minSeats"/"maxSeats", "surplus" (candidates beyond seats, default 3/10; 3–5 seats
/// allow one more), "electChair". Elected: more than half of those summoned, best first up to
/// the seats; the chair must be one of the elected.
/// </summary>
internal sealed class ElectionActivity : IActivity
{
    public string Kind => "Election";

    public bool CreatesTask => true;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["body", "minSeats", "maxSeats", "surplus", "electChair", "context"]);
        check.Str(step.Config, "body", path, true);
        check.Setting(step.Config, "minSeats", path, false, "integer");
        check.Setting(step.Config, "maxSeats", path, false, "integer");
        check.Setting(step.Config, "surplus", path, false, "fraction");
        check.Bool(step.Config, "electChair", path);
        foreach (var p in check.StringList(step.Config, "context", path, false) ?? [])
        {
            check.DataPath(p, path + ".context", step);
        }
    }

    public void Start(StepContext context)
    {
        var ctx = HumanTaskActivity.ContextData(context);
        ctx["body"] = context.Text("body");
        var fields = new List<FormField>
        {
            new("seats", "integer", new("Số chỗ cần bầu", "Seats"), true, context.Integer("minSeats", 1), context.Integer("maxSeats", 99)),
            new("summoned", "integer", new("Số người được triệu tập", "Summoned"), true, Min: 1),
            new("present", "integer", new("Số người có mặt", "Present"), true, Min: 0),
            new("ballotsCast", "integer", new("Số phiếu phát ra", "Ballots cast"), true, Min: 0),
            new("candidates", "objectList", new("Ứng cử viên và số phiếu", "Candidates and votes"), true, Fields:
            [
                new("name", "string", new("Họ tên", "Name"), true),
                new("votes", "integer", new("Số phiếu bầu", "Votes"), true, Min: 0),
            ]),
        };
        if (context.Flag("electChair", false))
        {
            fields.Add(new("chair", "string", new("Chủ nhiệm được bầu", "Elected chair"), true));
        }

        context.CreateTask(fields, ctx);
    }

    public void Complete(StepContext context, WorkTask task, JsonObject data)
    {
        int seats = ConfidenceVoteActivity.Int(data, "seats"), summoned = ConfidenceVoteActivity.Int(data, "summoned");
        int present = ConfidenceVoteActivity.Int(data, "present"), ballots = ConfidenceVoteActivity.Int(data, "ballotsCast");
        var candidates = data["candidates"]!.AsArray().Select(c => (Name: c!["name"]!.GetValue<string>().Trim(), Votes: ConfidenceVoteActivity.Int(c.AsObject(), "votes"))).ToList();
        var problems = new List<FieldProblem>();
        TallyRules.Attendance(summoned, present, ballots, problems);
        var (allowed, _, surplusExplanation) = PartyRules.Surplus(seats, candidates.Count, context.Fraction("surplus", "3/10"));
        if (!allowed)
        {
            problems.Add(new("candidates", surplusExplanation.Vi, surplusExplanation.En));
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Votes > ballots)
            {
                problems.Add(new($"candidates[{i}].votes", $"{candidates[i].Name}: {candidates[i].Votes} phiếu, nhiều hơn số phiếu phát ra ({ballots})", $"{candidates[i].Name}: {candidates[i].Votes} votes, more than the {ballots} ballots cast"));
            }

            if (candidates.FindIndex(c => c.Name == candidates[i].Name) != i)
            {
                problems.Add(new($"candidates[{i}].name", $"{candidates[i].Name} có tên hai lần", $"{candidates[i].Name} is listed twice"));
            }
        }

        ConfidenceVoteActivity.Refuse(problems);
        var ranked = candidates.Select(c => (c.Name, c.Votes, Rule: PartyRules.Election(c.Name, c.Votes, summoned)))
            .OrderByDescending(c => c.Votes).ToList();
        var majority = ranked.Where(c => c.Rule.Elected).ToList();
        if (majority.Count > seats && majority[seats - 1].Votes == majority[seats].Votes)
        {
            ConfidenceVoteActivity.Refuse([new("candidates", $"Hòa phiếu ở chỗ cuối cùng ({majority[seats].Votes} phiếu): phải bầu lại giữa những người bằng phiếu", $"Tie for the last seat ({majority[seats].Votes} votes): hold another round between them")]);
        }

        var elected = majority.Take(seats).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var results = ranked.Select(c => new ElectionCandidateResult(c.Name, c.Votes, elected.Contains(c.Name), elected.Contains(c.Name) || !c.Rule.Elected
            ? c.Rule.Explanation
            : new LocalizedText(c.Rule.Explanation.Vi + $" Nhưng đã đủ {seats} chỗ với người nhiều phiếu hơn.", c.Rule.Explanation.En + $" But the {seats} seats went to candidates with more votes."))).ToList();
        var chair = data["chair"]?.GetValue<string>().Trim();
        if (chair is not null && !elected.Contains(chair))
        {
            ConfidenceVoteActivity.Refuse([new("chair", $"{chair} không trúng cử nên không thể là chủ nhiệm", $"{chair} was not elected, so cannot be the chair")]);
        }

        var summary = new LocalizedText(
            $"{elected.Count}/{seats} chỗ được bầu; {surplusExplanation.Vi}",
            $"{elected.Count} of {seats} seats filled; {surplusExplanation.En}");
        context.Emit(new ElectionRecorded(context.Branch.Id, context.Step.Id, context.Text("body")!, seats, summoned, present, results, chair, summary, context.Now));
        context.Complete("elected", new JsonObject
        {
            ["body"] = context.Text("body"),
            ["seats"] = seats,
            ["elected"] = new JsonArray(results.Where(r => r.Elected).Select(r => (JsonNode?)r.Candidate).ToArray()),
            ["chair"] = chair,
            ["results"] = JsonSerializer.SerializeToNode(results, EventTypeRegistry.Json),
        });
    }
}
