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
/// The higher committee's decision: number, date, signatory and the appointed personnel. Config:
/// "vettingStep" (every appointee must have passed it, in the current pass of the branch),
/// "positions", "standingPositions" (only when the executive committee has at least
/// "standingCommitteeMinSeats" members, default 9), "nonExecutivePositions" (not counted in it),
/// "slateStep" (seats and positions may not exceed what it set, see <see cref="DecisionChecks"/>),
/// "failedCandidates" ("refuse", the default, or "override-with-reason": a candidate who failed a
/// confidence vote or vetting is appointed only with a recorded override, its own event),
/// "seats" (how many people each position takes, see <see cref="DecisionSeats"/>).
/// </summary>
internal sealed class DecisionActivity : IActivity
{
    private static readonly string[] DefaultPositions = ["secretary", "deputy-secretary", "standing-committee", "executive-committee"];

    public string Kind => "Decision";

    public bool CreatesTask => true;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["vettingStep", "positions", "standingPositions", "nonExecutivePositions", "standingCommitteeMinSeats", "slateStep", "failedCandidates", "context", "seats"]);
        DecisionSeats.ValidateConfig(step, check, check.StringList(step.Config, "positions", path, false) ?? DefaultPositions);
        check.StepReference(check.Str(step.Config, "slateStep", path, false), path + ".slateStep", step);
        check.Setting(step.Config, "failedCandidates", path, false, "string");
        var vetting = check.Str(step.Config, "vettingStep", path, false);
        check.StepReference(vetting, path + ".vettingStep", step);
        if (vetting is not null && check.Steps.TryGetValue(vetting, out var target) && (target.Kind != "Approval" || target.Config["candidatesFrom"] is null))
        {
            check.Error(path + ".vettingStep", $"step '{vetting}' must be an Approval step with candidatesFrom (a per-candidate vetting)");
        }

        var positions = check.StringList(step.Config, "positions", path, false) ?? DefaultPositions;
        foreach (var key in new[] { "standingPositions", "nonExecutivePositions" })
        {
            foreach (var p in check.StringList(step.Config, key, path, false) ?? [])
            {
                if (!positions.Contains(p))
                {
                    check.Error($"{path}.{key}", $"'{p}' is not one of the positions");
                }
            }
        }

        check.Setting(step.Config, "standingCommitteeMinSeats", path, false, "integer");
        foreach (var p in check.StringList(step.Config, "context", path, false) ?? [])
        {
            check.DataPath(p, path + ".context", step);
        }
    }

    public void Start(StepContext context)
    {
        var vettingStep = context.Text("vettingStep");
        var ctx = HumanTaskActivity.ContextData(context);
        if (vettingStep is not null)
        {
            ctx["vetted"] = context.Branch.Outputs[vettingStep]?["approved"]?.DeepClone();
        }

        // The deciding body sees who failed which step, in the rule's own words.
        if (CandidateOutcomes.Failures(context) is { Count: > 0 } failed)
        {
            ctx["failed"] = failed;
        }

        var positions = List(context, "positions") ?? [.. DefaultPositions];
        var fields = new List<FormField>
        {
            new("number", "string", new("Số quyết định", "Decision number"), true),
            new("date", "date", new("Ngày quyết định", "Date"), true),
            new("signatory", "string", new("Người ký", "Signatory"), true),
            new("appointees", "objectList", new("Nhân sự được chỉ định", "Appointed personnel"), vettingStep is not null || DecisionSeats.Declared(context), Fields:
            [
                new("name", "string", new("Họ tên", "Name"), true),
                new("position", "choice", new("Chức vụ", "Position"), true, Options: positions, OptionLabels: OptionVocabulary.For(positions)),
            ]),
        };
        if (DecisionChecks.Policy(context) == DecisionChecks.OverrideWithReason)
        {
            fields.Add(new("overrides", "objectList", new("Vẫn chỉ định người không đạt ở bước trước (ghi rõ ai quyết định, lý do)", "Appoint despite a failed earlier step (who decided, why)"), Fields:
            [
                new("candidate", "string", new("Họ tên", "Name"), true),
                new("decidedBy", "string", new("Người quyết định", "Decided by"), true),
                new("reason", "text", new("Lý do", "Reason"), true),
            ]));
        }

        context.CreateTask(fields, ctx);
    }

    public void Complete(StepContext context, WorkTask task, JsonObject data)
    {
        var vettingStep = context.Text("vettingStep");
        var appointees = (data["appointees"] as JsonArray ?? []).Select(a => new Appointee(a!["name"]!.GetValue<string>().Trim(), a["position"]!.GetValue<string>())).ToList();
        if (vettingStep is not null)
        {
            EnsureVetted(context, vettingStep, appointees);
        }

        var overrides = DecisionChecks.Overrides(context, appointees, data);
        var nonExecutive = List(context, "nonExecutivePositions") ?? [];
        var standing = List(context, "standingPositions") ?? ["standing-committee"];
        var executiveSize = appointees.Where(a => !nonExecutive.Contains(a.Position)).Select(a => a.Name).Distinct(StringComparer.Ordinal).Count();
        var rule = StandingCommitteeRule.Evaluate(executiveSize, context.RuleParameters());
        var explanation = PartyRules.Text(rule.Explanation);
        if (!rule.MayHaveStandingCommittee && appointees.Any(a => standing.Contains(a.Position)))
        {
            throw new WorkflowRuleViolation("standing-committee-too-small", explanation.Vi, explanation.En, [new("appointees", explanation.Vi, explanation.En)]);
        }

        DecisionChecks.WithinSlate(context, appointees, nonExecutive, standing);
        DecisionSeats.Enforce(context, appointees);
        foreach (var o in overrides)
        {
            context.Emit(o);
        }

        var number = data["number"]!.GetValue<string>();
        var date = data["date"]!.GetValue<string>();
        var signatory = data["signatory"]!.GetValue<string>();
        context.Emit(new DecisionRecorded(context.Branch.Id, context.Step.Id, number, date, signatory, appointees, context.Now));
        context.Complete("decided", new JsonObject
        {
            ["number"] = number,
            ["date"] = date,
            ["signatory"] = signatory,
            ["appointees"] = JsonSerializer.SerializeToNode(appointees, EventTypeRegistry.Json),
            ["standingCommittee"] = explanation.En,
        });
    }

    /// <summary>Refuses a decision for a slate that has not passed vetting in the branch's current pass.</summary>
    private static void EnsureVetted(StepContext context, string vettingStep, List<Appointee> appointees)
    {
        if (!context.Branch.CompletedSteps.Contains(vettingStep))
        {
            throw new WorkflowRuleViolation(
                "slate-not-vetted",
                $"Không thể ra quyết định: danh sách nhân sự chưa qua thẩm định (bước '{vettingStep}').",
                $"No decision for a slate that has not passed vetting (step '{vettingStep}').");
        }

        var verdicts = context.Branch.Vetting.GetValueOrDefault(vettingStep) ?? [];
        var problems = new List<FieldProblem>();
        var names = new List<string>();
        for (var i = 0; i < appointees.Count; i++)
        {
            // Someone rejected at vetting is refused (or overridden) as a failed candidate, not as unknown.
            var failedVetting = context.Branch.FailuresOf(appointees[i].Name).Any(f => f.Kind == "vetting");
            if ((!verdicts.TryGetValue(appointees[i].Name, out var verdict) || !verdict.Approved) && !failedVetting)
            {
                problems.Add(new($"appointees[{i}].name", $"{appointees[i].Name} chưa qua thẩm định", $"{appointees[i].Name} has not passed vetting"));
                names.Add(appointees[i].Name);
            }
        }

        if (problems.Count > 0)
        {
            throw new WorkflowRuleViolation(
                "slate-not-vetted",
                "Không thể ra quyết định cho nhân sự chưa qua thẩm định: " + string.Join(", ", names),
                "No decision for personnel who have not passed vetting: " + string.Join(", ", names),
                problems);
        }
    }

    private static List<string>? List(StepContext context, string key) =>
        (context.Config[key] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList();
}
