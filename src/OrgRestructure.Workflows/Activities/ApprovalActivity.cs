using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// Approval / review, always with a reason. Two modes:
/// per candidate (config "candidatesFrom": vetting) — the vetting date and each candidate approved
/// or rejected, with no verdict preset and a reason required for a rejection; the task shows each
/// candidate's earlier outcomes; any rejection sends the branch back to "onRejection" (the slate),
/// naming the rejected, history kept;
/// otherwise one verdict — approve (next), return to one of "returnTo", or reject (to "rejectTo").
/// </summary>
internal sealed class ApprovalActivity : IActivity
{
    private static readonly LocalizedText ReasonLabel = new("Lý do", "Reason");

    public string Kind => "Approval";

    public bool CreatesTask => true;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["candidatesFrom", "onRejection", "returnTo", "rejectTo", "context"]);
        var candidates = check.StringList(step.Config, "candidatesFrom", path, false);
        foreach (var p in candidates ?? [])
        {
            check.DataPath(p, path + ".candidatesFrom", step);
        }

        foreach (var p in check.StringList(step.Config, "context", path, false) ?? [])
        {
            check.DataPath(p, path + ".context", step);
        }

        if (candidates is not null)
        {
            check.StepReference(check.Str(step.Config, "onRejection", path, true), path + ".onRejection", step);
        }

        foreach (var target in check.StringList(step.Config, "returnTo", path, false) ?? [])
        {
            check.StepReference(target, path + ".returnTo", step);
        }

        check.StepReference(check.Str(step.Config, "rejectTo", path, false), path + ".rejectTo", step, allowEnd: true);
    }

    public void Start(StepContext context)
    {
        if (context.Config["candidatesFrom"] is not null)
        {
            var candidates = context.NamesFromConfig("candidatesFrom");
            var ctx = HumanTaskActivity.ContextData(context);
            ctx["candidates"] = new JsonArray(candidates.Select(c => (JsonNode?)c).ToArray());
            ctx["outcomes"] = CandidateOutcomes.Lines(context, candidates);
            context.CreateTask(
                [
                    new FormField("date", "date", new("Ngày thẩm định", "Vetting date"), true),
                    new FormField("verdicts", "objectList", new("Kết quả thẩm định từng người", "Verdict per candidate"), true, Fields:
                    [
                        new FormField("candidate", "choice", new("Ứng cử viên", "Candidate"), true, Options: candidates),
                        new FormField("approved", "boolean", new("Đạt", "Approved"), true),
                        new FormField("reason", "text", new("Lý do (bắt buộc khi không đạt)", "Reason (required for a rejection)")),
                    ]),
                ],
                ctx);
            return;
        }

        var outcomes = new List<string> { "approve" };
        var returnTo = (context.Config["returnTo"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];
        if (returnTo.Count > 0)
        {
            outcomes.Add("return");
        }

        if (context.Text("rejectTo") is not null)
        {
            outcomes.Add("reject");
        }

        var fields = new List<FormField>
        {
            new("outcome", "choice", new("Kết luận", "Outcome"), true, Options: outcomes, OptionLabels: OptionVocabulary.For(outcomes)),
            new("reason", "text", ReasonLabel, true),
        };
        if (returnTo.Count > 0)
        {
            // Step ids are what the engine stores; the person choosing reads the steps' titles.
            var titles = returnTo.Where(context.Definition.AllSteps.ContainsKey).ToDictionary(id => id, id => context.Definition.AllSteps[id].Title, StringComparer.Ordinal);
            fields.Add(new("returnTo", "choice", new("Trả về bước", "Return to step"), false, Options: returnTo, OptionLabels: titles));
        }

        context.CreateTask(fields, HumanTaskActivity.ContextData(context));
    }

    public void Complete(StepContext context, WorkTask task, JsonObject data)
    {
        if (context.Config["candidatesFrom"] is not null)
        {
            CompletePerCandidate(context, task, data);
            return;
        }

        var outcome = data["outcome"]!.GetValue<string>();
        var reason = data["reason"]!.GetValue<string>();
        context.Emit(new ApprovalRecorded(context.Branch.Id, context.Step.Id, outcome, reason, context.Actor.Id, context.Now));
        switch (outcome)
        {
            case "return":
                var target = data["returnTo"]?.GetValue<string>()
                    ?? throw WorkflowRuleViolation.Form([new("returnTo", "phải chọn bước trả về", "choose the step to return to")]);
                context.ReturnTo(target, reason);
                break;
            case "reject":
                context.Complete("rejected", data.DeepClone(), context.Text("rejectTo"));
                break;
            default:
                context.Complete("approved", data.DeepClone());
                break;
        }
    }

    private static void CompletePerCandidate(StepContext context, WorkTask task, JsonObject data)
    {
        var candidates = task.Context["candidates"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var verdicts = data["verdicts"]!.AsArray().Select(v => v!.AsObject()).ToList();
        var problems = new List<FieldProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < verdicts.Count; i++)
        {
            var name = verdicts[i]["candidate"]!.GetValue<string>();
            if (!seen.Add(name))
            {
                problems.Add(new($"verdicts[{i}].candidate", $"{name} được thẩm định hai lần", $"{name} has two verdicts"));
            }

            if (!verdicts[i]["approved"]!.GetValue<bool>() && string.IsNullOrWhiteSpace(verdicts[i]["reason"]?.GetValue<string>()))
            {
                problems.Add(new($"verdicts[{i}].reason", $"{name} không đạt thẩm định: phải ghi lý do", $"{name} failed vetting: a reason is required"));
            }
        }

        foreach (var missing in candidates.Where(c => !seen.Contains(c)))
        {
            problems.Add(new("verdicts", $"chưa có kết quả thẩm định cho {missing}", $"no verdict for {missing}"));
        }

        if (problems.Count > 0)
        {
            throw WorkflowRuleViolation.Form(problems);
        }

        foreach (var v in verdicts)
        {
            context.Emit(new CandidateVetted(context.Branch.Id, context.Step.Id, v["candidate"]!.GetValue<string>(), v["approved"]!.GetValue<bool>(), v["reason"]?.GetValue<string>() ?? string.Empty, context.Actor.Id, context.Now));
        }

        var rejected = verdicts.Where(v => !v["approved"]!.GetValue<bool>()).ToList();
        if (rejected.Count > 0)
        {
            var reason = string.Join("; ", rejected.Select(v => $"{v["candidate"]}: {v["reason"]}"));
            context.ReturnTo(context.Text("onRejection")!, reason, [.. rejected.Select(v => v["candidate"]!.GetValue<string>())]);
            return;
        }

        context.Complete("vetted", new JsonObject
        {
            ["date"] = data["date"]?.DeepClone(),
            ["approved"] = new JsonArray(verdicts.Select(v => (JsonNode?)v["candidate"]!.GetValue<string>()).ToArray()),
        });
    }
}
