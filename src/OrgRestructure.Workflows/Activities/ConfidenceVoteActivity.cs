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
/// A confidence-vote conference: its date, summoned, present, ballots issued and returned (the
/// rules count those returned), and per candidate high / normal / low / invalid. Config:
/// "candidatesFrom" (data paths), "quorum" (default 2/3), "summonedAtMost" (a data path, e.g. the
/// committee's members: more summoned needs the clerk's reason) or "summonedAtMostEntered" (the
/// label of a count the clerk enters, e.g. the bloc's cell leaders, with the same reason rule),
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
        DefinitionReader.UnknownKeys(check, step.Config, path, ["candidatesFrom", "quorum", "passThreshold", "allowNominations", "summonedAtMost", "summonedAtMostEntered", "context"]);
        if (step.Config["summonedAtMost"] is not null && step.Config["summonedAtMostEntered"] is not null)
        {
            check.Error(path, "\"summonedAtMost\" and \"summonedAtMostEntered\" exclude each other: the limit is either in the case data or entered by the clerk");
        }

        check.Text(step.Config, "summonedAtMostEntered", path, false);
        check.DataPath(check.Str(step.Config, "summonedAtMost", path, false), path + ".summonedAtMost", step);
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
        var rules = context.RuleParameters();
        ctx["quorum"] = rules.ConferenceQuorum.ToString();
        ctx["passThreshold"] = rules.ConfidencePassThreshold.ToString();
        var fields = new List<FormField>
        {
            new("conferenceDate", "date", new("Ngày hội nghị", "Conference date"), true),
            new("summoned", "integer", new("Số người được triệu tập", "Summoned"), true, Min: 1),
            new("present", "integer", new("Số người có mặt", "Present"), true, Min: 0),
            new("ballotsIssued", "integer", new("Số phiếu phát ra", "Ballots issued"), true, Min: 0),
            new("ballotsReturned", "integer", new("Số phiếu thu vào", "Ballots returned"), true, Min: 0),
        };
        if (context.Text("summonedAtMost") is { } limitPath)
        {
            ctx["summonedAtMost"] = context.Resolve(limitPath)?.DeepClone();
            fields.Add(new("summonedNote", "text", new("Lý do triệu tập nhiều hơn số đảng viên của các tổ chức hợp thành (nếu có)", "Why more are summoned than the members of the organizations forming the committee (if so)")));
        }
        else if (EnteredLimitLabel(context) is { } label)
        {
            fields.Insert(1, new(EnteredLimit, "integer", label, true, Min: 0));
            fields.Add(new("summonedNote", "text", new("Lý do triệu tập nhiều hơn số người nêu trên (nếu có)", "Why more are summoned than the number above (if so)")));
        }
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
            // Not required by the form: a missing verdict is refused by Evaluate, naming the candidate at the threshold.
            new("passed", "boolean", new("Đạt", "Passes")),
            new("decidedBy", "string", new("Người quyết định", "Decided by"), true),
            new("reason", "text", new("Lý do", "Reason"), true),
        ]));
        context.CreateTask(fields, ctx);
    }

    public void Complete(StepContext context, WorkTask task, JsonObject data)
    {
        var rules = context.RuleParameters();
        var summoned = Int(data, "summoned");
        var present = Int(data, "present");

        // Tasks created before ballots were counted twice still carry the single "ballotsCast".
        var ballots = data["ballotsReturned"] is not null ? Int(data, "ballotsReturned") : Int(data, "ballotsCast");
        int? issued = data["ballotsIssued"] is not null ? Int(data, "ballotsIssued") : null;
        EnsureSummonedWithinMembers(context, task, data, summoned);
        var slate = task.Context["candidates"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var nominated = (data["nominations"] as JsonArray)?.Select(n => n!.GetValue<string>().Trim()).Distinct(StringComparer.Ordinal).Where(n => !slate.Contains(n)).ToList() ?? [];
        var tallies = (data["tallies"] as JsonArray)?.Select(t => t!.AsObject()).Select(t => new CandidateTally(
            t["candidate"]!.GetValue<string>().Trim(), Int(t, "high"), Int(t, "normal"), Int(t, "low"), Int(t, "invalid"))).ToList() ?? [];

        var consistency = TallyConsistencyRule.Check(new ConferenceTally(summoned, present, ballots, tallies, issued));
        PartyRules.Refuse(consistency.Problems.Select(p => PartyRules.Problem(p, "tallies")));
        var quorum = ConferenceQuorumRule.Evaluate(summoned, present, rules);
        var conference = PartyRules.Text(quorum.Explanation);
        if (!quorum.IsValid)
        {
            context.Emit(new VoteRecorded(context.Branch.Id, context.Step.Id, summoned, present, false, conference, [], context.Now));
            context.ReturnTo(context.Step.Id, conference.Vi);
            return;
        }

        var results = Evaluate(data, tallies, slate, nominated, summoned, rules);
        context.Emit(new VoteRecorded(context.Branch.Id, context.Step.Id, summoned, present, true, conference, results, context.Now));
        context.Complete("voted", new JsonObject
        {
            ["conferenceDate"] = data["conferenceDate"]?.DeepClone(),
            ["summoned"] = summoned,
            ["present"] = present,
            ["ballotsIssued"] = issued ?? ballots,
            ["ballotsReturned"] = ballots,
            ["ballotsCast"] = ballots,
            ["summonedNote"] = data["summonedNote"]?.DeepClone(),
            ["summonedAtMost"] = (task.Context["summonedAtMost"] ?? data[EnteredLimit])?.DeepClone(),
            ["passed"] = Names(results.Where(r => r.Passed)),
            ["failed"] = Names(results.Where(r => !r.Passed)),
            ["nominated"] = Names(results.Where(r => r.Nominated)),
            ["results"] = JsonSerializer.SerializeToNode(results, EventTypeRegistry.Json),
        });
    }

    /// <summary>Each candidate's outcome by the domain's confidence-vote rule, ties settled by the head's recorded decision.</summary>
    private static List<CandidateVoteResult> Evaluate(JsonObject data, List<CandidateTally> tallies, List<string> slate, List<string> nominated, int summoned, RuleParameters rules)
    {
        var rows = (data["headDecisions"] as JsonArray)?.Select(t => t!.AsObject()).ToList() ?? [];
        var heads = rows.Select((h, i) => (Row: i, Candidate: h["candidate"]!.GetValue<string>().Trim(), Verdict: h["passed"]?.GetValue<bool>(), Decision: new HeadDecision(h["decidedBy"]!.GetValue<string>(), h["passed"]?.GetValue<bool>() == true, h["reason"]!.GetValue<string>())))
            .DistinctBy(h => h.Candidate, StringComparer.Ordinal).ToDictionary(h => h.Candidate, StringComparer.Ordinal);
        var expected = slate.Concat(nominated).ToList();
        var problems = new List<FieldProblem>();
        var noVerdict = new List<FieldProblem>();
        var results = new List<CandidateVoteResult>();
        for (var i = 0; i < tallies.Count; i++)
        {
            var t = tallies[i];
            if (!expected.Contains(t.Candidate))
            {
                problems.Add(new($"tallies[{i}].candidate", $"{t.Candidate} không có trong danh sách (cũng không được hội nghị giới thiệu)", $"{t.Candidate} is not on the slate (nor nominated by the conference)"));
                continue;
            }

            var outcome = ConfidenceVoteRule.Evaluate(t, summoned, rules);
            var decidedByHead = heads.TryGetValue(t.Candidate, out var head);
            if (decidedByHead && head.Verdict is null && outcome.AwaitsHeadDecision)
            {
                noVerdict.Add(new($"headDecisions[{head.Row}].passed", outcome.Explanation.Vi, outcome.Explanation.En));
            }
            else if (decidedByHead)
            {
                var decided = ConfidenceVoteRule.RecordHeadDecision(outcome, head.Decision);
                if (decided.IsSuccess)
                {
                    outcome = decided.Value;
                }
                else
                {
                    problems.AddRange(decided.Problems.Select(p => PartyRules.Problem(p, "headDecisions")));
                }
            }
            else if (outcome.AwaitsHeadDecision)
            {
                problems.Add(new("headDecisions", $"{t.Candidate} đạt đúng ngưỡng: người đứng đầu phải quyết định (ghi rõ ai và lý do)", $"{t.Candidate} is exactly at the threshold: the head of the body must decide (record who and why)"));
            }

            results.Add(new CandidateVoteResult(t.Candidate, t.High, t.Normal, t.Low, t.Invalid, nominated.Contains(t.Candidate), outcome.Passed, outcome.HeadDecision?.DecidedBy, PartyRules.Text(outcome.Explanation)));
        }

        problems.AddRange(expected.Where(c => tallies.All(t => t.Candidate != c)).Select(c => new FieldProblem("tallies", $"thiếu kết quả kiểm phiếu của {c}", $"no tally for {c}")));

        // The head's verdict is never assumed: an unanswered one is refused first, by the candidate's name.
        PartyRules.Refuse("head-verdict-missing", "Chưa chọn quyết định của người đứng đầu (Đạt hay Không đạt) cho ", "No verdict of the head (passes or fails) is chosen for ", noVerdict);
        PartyRules.Refuse(problems);
        return results;
    }

    internal static int Int(JsonObject o, string key) => (int)o[key]!.AsDouble();

    private const string EnteredLimit = "summonedAtMost";

    private static LocalizedText? EnteredLimitLabel(StepContext context) =>
        context.Config["summonedAtMostEntered"] is JsonObject label
            ? new LocalizedText(label["vi"]!.GetValue<string>(), label["en"]!.GetValue<string>())
            : null;

    /// <summary>
    /// More people summoned than may attend — the members of the committee's organizations (from the
    /// case), or the count the clerk entered (e.g. the bloc's cell leaders) — is refused unless the clerk says why.
    /// </summary>
    private static void EnsureSummonedWithinMembers(StepContext context, WorkTask task, JsonObject data, int summoned)
    {
        var fromCase = task.Context["summonedAtMost"] is JsonValue caseLimit && caseLimit.GetValueKind() == JsonValueKind.Number;
        var limitNode = fromCase ? task.Context["summonedAtMost"] : EnteredLimitLabel(context) is not null ? data[EnteredLimit] : null;
        if (limitNode is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return;
        }

        var limit = (int)value.AsDouble();
        var note = data["summonedNote"]?.GetValue<string>();
        if (summoned <= limit || !string.IsNullOrWhiteSpace(note))
        {
            return;
        }

        var label = fromCase ? null : EnteredLimitLabel(context);
        var vi = label is null
            ? $"Số người được triệu tập ({summoned}) vượt số đảng viên của các tổ chức hợp thành đảng bộ ({limit}): ghi rõ lý do hoặc sửa số liệu"
            : $"Số người được triệu tập ({summoned}) vượt {label.Vi.ToLowerInvariant()} ({limit}): ghi rõ lý do hoặc sửa số liệu";
        var en = label is null
            ? $"Summoned ({summoned}) exceeds the members of the organizations forming the committee ({limit}): record why or correct the count"
            : $"Summoned ({summoned}) exceeds the {label.En.ToLowerInvariant()} ({limit}): record why or correct the count";
        throw new WorkflowRuleViolation("summoned-exceeds-members", vi, en, [new("summoned", vi, en), new("summonedNote", vi, en)]);
    }

    private static JsonArray Names(IEnumerable<CandidateVoteResult> results) =>
        new(results.Select(r => (JsonNode?)r.Candidate).ToArray());
}
