using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// An election (e.g. the new executive committee electing its inspection committee). Config:
/// "body", "minSeats"/"maxSeats", "surplus" (candidates beyond seats, default 30%; up to 5 seats
/// allow one more), "electChair". The domain's ElectionRule decides who is elected (more than
/// half of those summoned, best first up to the seats; a tie for the last seat leaves it vacant
/// for another ballot); the chair must be one of the elected.
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

        // Recorded so the form's preview applies the case's own allowance, as the vote records its quorum.
        ctx["surplus"] = context.RuleParameters().MaximumSurplus.ToString();
        var fields = new List<FormField>
        {
            new("seats", "integer", new("Số chỗ cần bầu", "Seats"), true, context.Integer("minSeats", 1), context.Integer("maxSeats", 99)),
            new("summoned", "integer", new("Số người được triệu tập", "Summoned"), true, Min: 1),
            new("present", "integer", new("Số người có mặt", "Present"), true, Min: 0),
            new("ballotsIssued", "integer", new("Số phiếu phát ra", "Ballots issued"), true, Min: 0),
            new("ballotsReturned", "integer", new("Số phiếu thu vào", "Ballots returned"), true, Min: 0),
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
        var rules = context.RuleParameters();
        int seats = ConfidenceVoteActivity.Int(data, "seats"), summoned = ConfidenceVoteActivity.Int(data, "summoned");
        var present = ConfidenceVoteActivity.Int(data, "present");

        // Tasks opened before ballots were counted twice carry the single "ballotsCast".
        var legacy = data["ballotsReturned"] is null;
        var ballots = ConfidenceVoteActivity.Int(data, legacy ? "ballotsCast" : "ballotsReturned");
        int? issued = data["ballotsIssued"] is not null ? ConfidenceVoteActivity.Int(data, "ballotsIssued") : null;
        var candidates = data["candidates"]!.AsArray().Select(c => new CandidateVotes(c!["name"]!.GetValue<string>().Trim(), ConfidenceVoteActivity.Int(c.AsObject(), "votes"))).ToList();
        var problems = TallyConsistencyRule.Check(new ConferenceTally(summoned, present, ballots, [], issued)).Problems
            .Select(p => PartyRules.Problem(p, legacy ? "ballotsCast" : "ballotsReturned")).ToList();
        var surplus = SurplusRule.Evaluate(seats, candidates.Count, rules);
        if (!surplus.Allowed)
        {
            problems.Add(new("candidates", surplus.Explanation.Vi, surplus.Explanation.En));
        }

        // Engine-side form consistency: a candidate cannot get more votes than ballots came back.
        problems.AddRange(candidates.Select((c, i) => (c, i)).Where(x => x.c.Votes > ballots).Select(x => new FieldProblem(
            $"candidates[{x.i}].votes", $"{x.c.Candidate}: {x.c.Votes} phiếu, nhiều hơn số phiếu thu vào ({ballots})", $"{x.c.Candidate}: {x.c.Votes} votes, more than the {ballots} ballots returned")));
        PartyRules.Refuse(problems);

        var outcome = ElectionRule.ElectSeats(seats, summoned, candidates, rules);
        PartyRules.Refuse(outcome.Problems.Select(p => PartyRules.Problem(p, "candidates")));
        var chair = data["chair"]?.GetValue<string>().Trim();
        if (chair is not null && !outcome.Elected.Contains(chair))
        {
            PartyRules.Refuse([new("chair", $"{chair} không trúng cử nên không thể là chủ nhiệm", $"{chair} was not elected, so cannot be the chair")]);
        }

        var results = outcome.Candidates.Select(c => new ElectionCandidateResult(c.Candidate, c.Votes, outcome.Elected.Contains(c.Candidate), PartyRules.Text(c.Explanation))).ToList();
        var summary = new LocalizedText($"{outcome.Explanation.Vi}; {surplus.Explanation.Vi}", $"{outcome.Explanation.En}; {surplus.Explanation.En}");
        context.Emit(new ElectionRecorded(context.Branch.Id, context.Step.Id, context.Text("body")!, seats, summoned, present, results, chair, summary, context.Now));
        context.Complete("elected", new JsonObject
        {
            ["body"] = context.Text("body"),
            ["seats"] = seats,
            ["elected"] = new JsonArray(outcome.Elected.Select(n => (JsonNode?)n).ToArray()),
            ["tiedForLastSeats"] = new JsonArray(outcome.TiedForLastSeats.Select(n => (JsonNode?)n).ToArray()),
            ["chair"] = chair,
            ["results"] = JsonSerializer.SerializeToNode(results, EventTypeRegistry.Json),
        });
    }
}
