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
/// A confidence-vote conference: summoned, present, ballots cast, and per candidate high /
/// normal / low / invalid. Config: "candidatesFrom" (data paths), "quorum" (default 2/3),
/// "passThreshold" (default 1/2 of summoned, high + normal counting as confidence),
/// "allowNominations" (step 3: the conference may add people). An invalid conference is
/// recorded and the step starts again (reconvene); a candidate at exactly the threshold needs
/// the head's decision, recorded with who and why.
/// </summary>
internal sealed class ConfidenceVoteActivity : IActivity
{
    public string Kind => "ConfidenceVote";

    public bool CreatesTask => true;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["candidatesFrom", "quorum", "passThreshold", "allowNominations", "context"]);
        foreach (var p in check.StringList(step.Config, "candidatesFrom", path, true) ?? [])
        {
            check.DataPath(p, path + ".candidatesFrom", step);
        }

        check.Setting(step.Config, "quorum", path, false, "fraction");
        check.Setting(step.Config, "passThreshold", path, false, "fraction");
        check.Setting(step.Config, "allowNominations", path, false, "boolean");
        foreach (var p in check.StringList(step.Config, "context", path, false) ?? [])
        {
            check.DataPath(p, path + ".context", step);
        }
    }

    public void Start(StepContext context)
    {
        var candidates = context.NamesFromConfig("candidatesFrom");
        var ctx = HumanTaskActivity.ContextData(context);
        ctx["candidates"] = new JsonArray(candidates.Select(c => (JsonNode?)c).ToArray());
        ctx["quorum"] = context.Fraction("quorum", "2/3").ToString();
        ctx["passThreshold"] = context.Fraction("passThreshold", "1/2").ToString();
        var fields = new List<FormField>
        {
            new("summoned", "integer", new("Số người được triệu tập", "Summoned"), true, Min: 1),
            new("present", "integer", new("Số người có mặt", "Present"), true, Min: 0),
            new("ballotsCast", "integer", new("Số phiếu phát ra", "Ballots cast"), true, Min: 0),
        };
        if (context.Flag("allowNominations", false))
        {
            fields.Add(new("nominations", "stringList", new("Người được hội nghị giới thiệu thêm", "Nominated from the floor")));
        }

        fields.Add(new("tallies", "objectList", new("Kết quả kiểm phiếu", "Tallies"), Fields:
        [
            new("candidate", "string", new("Ứng cử viên", "Candidate"), true),
            new("high", "integer", new("Tín nhiệm cao", "High"), true, Min: 0),
            new("normal", "integer", new("Tín nhiệm", "Normal"), true, Min: 0),
            new("low", "integer", new("Tín nhiệm thấp", "Low"), true, Min: 0),
            new("invalid", "integer", new("Phiếu không hợp lệ", "Invalid"), true, Min: 0),
        ]));
        fields.Add(new("headDecisions", "objectList", new("Quyết định của người đứng đầu (khi đúng ngưỡng)", "Head's decision (exactly at the threshold)"), Fields:
        [
            new("candidate", "string", new("Ứng cử viên", "Candidate"), true),
            new("passed", "boolean", new("Đạt", "Passes"), true),
            new("decidedBy", "string", new("Người quyết định", "Decided by"), true),
            new("reason", "text", new("Lý do", "Reason"), true),
        ]));
        context.CreateTask(fields, ctx);
    }

    public void Complete(StepContext context, WorkTask task, JsonObject data)
    {
        var summoned = Int(data, "summoned");
        var present = Int(data, "present");
        var ballots = Int(data, "ballotsCast");
        var problems = new List<FieldProblem>();
        TallyRules.Attendance(summoned, present, ballots, problems);
        Refuse(problems);

        var (valid, conference) = PartyRules.ConferenceValidity(summoned, present, context.Fraction("quorum", "2/3"));
        if (!valid)
        {
            context.Emit(new VoteRecorded(context.Branch.Id, context.Step.Id, summoned, present, false, conference, [], context.Now));
            context.ReturnTo(context.Step.Id, conference.Vi);
            return;
        }

        var slate = task.Context["candidates"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var nominated = (data["nominations"] as JsonArray)?.Select(n => n!.GetValue<string>().Trim()).Distinct(StringComparer.Ordinal).Where(n => !slate.Contains(n)).ToList() ?? [];
        var results = Evaluate(context, data, slate, nominated, summoned, ballots, problems);
        Refuse(problems);

        context.Emit(new VoteRecorded(context.Branch.Id, context.Step.Id, summoned, present, true, conference, results, context.Now));
        context.Complete("voted", new JsonObject
        {
            ["summoned"] = summoned,
            ["present"] = present,
            ["ballotsCast"] = ballots,
            ["passed"] = Names(results.Where(r => r.Passed)),
            ["failed"] = Names(results.Where(r => !r.Passed)),
            ["nominated"] = Names(results.Where(r => r.Nominated)),
            ["results"] = JsonSerializer.SerializeToNode(results, EventTypeRegistry.Json),
        });
    }

    private static List<CandidateVoteResult> Evaluate(StepContext context, JsonObject data, List<string> slate, List<string> nominated, int summoned, int ballots, List<FieldProblem> problems)
    {
        var threshold = context.Fraction("passThreshold", "1/2");
        var tallies = (data["tallies"] as JsonArray)?.Select(t => t!.AsObject()).ToList() ?? [];
        var heads = (data["headDecisions"] as JsonArray)?.Select(t => t!.AsObject()).ToDictionary(h => h["candidate"]!.GetValue<string>(), StringComparer.Ordinal) ?? [];
        var expected = slate.Concat(nominated).ToList();
        var results = new List<CandidateVoteResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tallies.Count; i++)
        {
            var t = tallies[i];
            var name = t["candidate"]!.GetValue<string>().Trim();
            var field = $"tallies[{i}]";
            if (!expected.Contains(name))
            {
                problems.Add(new(field + ".candidate", $"{name} không có trong danh sách (cũng không được hội nghị giới thiệu)", $"{name} is not on the slate (nor nominated by the conference)"));
                continue;
            }

            if (!seen.Add(name))
            {
                problems.Add(new(field + ".candidate", $"{name} có hai kết quả kiểm phiếu", $"{name} has two tallies"));
                continue;
            }

            int high = Int(t, "high"), normal = Int(t, "normal"), low = Int(t, "low"), invalid = Int(t, "invalid");
            TallyRules.ConfidenceTally(field, name, high, normal, low, invalid, ballots, problems);
            var (outcome, explanation) = PartyRules.ConfidencePoll(name, high + normal, summoned, threshold);
            var passed = outcome == PollOutcome.Passed;
            string? decidedBy = null;
            if (outcome == PollOutcome.HeadDecides)
            {
                if (heads.TryGetValue(name, out var head))
                {
                    passed = head["passed"]!.GetValue<bool>();
                    decidedBy = head["decidedBy"]!.GetValue<string>();
                    explanation = new(
                        $"{explanation.Vi} {decidedBy} quyết định: {(passed ? "đạt" : "không đạt")} ({head["reason"]}).",
                        $"{explanation.En} {decidedBy} decided: {(passed ? "passes" : "fails")} ({head["reason"]}).");
                }
                else
                {
                    problems.Add(new("headDecisions", $"{name} đạt đúng ngưỡng: người đứng đầu phải quyết định (ghi rõ ai và lý do)", $"{name} is exactly at the threshold: the head of the body must decide (record who and why)"));
                }
            }
            else if (heads.ContainsKey(name))
            {
                problems.Add(new("headDecisions", $"{name} không ở đúng ngưỡng nên không cần người đứng đầu quyết định", $"{name} is not exactly at the threshold; no head decision applies"));
            }

            results.Add(new CandidateVoteResult(name, high, normal, low, invalid, nominated.Contains(name), passed, decidedBy, explanation));
        }

        foreach (var missing in expected.Where(c => !seen.Contains(c)))
        {
            problems.Add(new("tallies", $"thiếu kết quả kiểm phiếu của {missing}", $"no tally for {missing}"));
        }

        return results;
    }

    internal static int Int(JsonObject o, string key) => (int)o[key]!.AsDouble();

    internal static void Refuse(List<FieldProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw WorkflowRuleViolation.Form(problems, "rule-violated");
        }
    }

    private static JsonArray Names(IEnumerable<CandidateVoteResult> results) =>
        new(results.Select(r => (JsonNode?)r.Candidate).ToArray());
}
