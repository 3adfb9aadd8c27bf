using System.Globalization;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// Fans out over a collection in the case data ("items", e.g. input.committees): one branch per
/// item runs the step's "body"; "join" all (every branch finishes) or any (the first one wins,
/// the others are cancelled). "label": the item property that names a branch.
/// </summary>
internal sealed class ForEachActivity : IActivity
{
    public string Kind => "ForEach";

    public bool CreatesTask => false;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["items", "join", "label"]);
        check.DataPath(check.Str(step.Config, "items", path, true), path + ".items", step);
        var join = check.Str(step.Config, "join", path, false);
        if (join is not null and not "all" and not "any")
        {
            check.Error(path + ".join", "must be \"all\" or \"any\"");
        }

        check.Str(step.Config, "label", path, false);
        if (step.Body.Count == 0)
        {
            check.Error(step.JsonPath + ".body", "is required for a ForEach step: the steps each branch runs");
        }
    }

    public void Start(StepContext context)
    {
        var items = context.Resolve(context.Text("items")!) as JsonArray ?? [];
        if (items.Count == 0)
        {
            context.Complete("empty", new JsonObject { ["branches"] = new JsonArray() });
            return;
        }

        var labelKey = context.Text("label") ?? "name";
        var prefix = Prefix(context);
        for (var i = 0; i < items.Count; i++)
        {
            var label = (items[i] as JsonObject)?[labelKey]?.ToString() ?? (i + 1).ToString(CultureInfo.InvariantCulture);
            context.Emit(new BranchStarted($"{prefix}[{i}]", context.Branch.Id, context.Step.Id, i, label, items[i]?.DeepClone(), context.Step.Body[0].Id, context.Now));
        }
    }

    public void OnBranchEnded(StepContext context, BranchState child)
    {
        var prefix = Prefix(context) + "[";
        var children = context.State.Branches.Values.Where(b => b.ParentId == context.Branch.Id && b.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var join = context.Text("join") ?? "all";
        if (join == "any" && child.Status == BranchStatus.Completed)
        {
            foreach (var other in children.Where(b => b.Status == BranchStatus.Active))
            {
                CaseRunner.CancelBranch(context.Session, other, $"{child.Label} finished first (join any)");
            }
        }
        else if (children.Any(b => b.Status == BranchStatus.Active))
        {
            return;
        }

        context.Complete("joined", new JsonObject
        {
            ["branches"] = new JsonArray(children.Select(b => (JsonNode?)new JsonObject
            {
                ["id"] = b.Id,
                ["label"] = b.Label,
                ["status"] = context.State.Branches[b.Id].Status.ToString().ToLowerInvariant(),
            }).ToArray()),
        });
    }

    /// <summary>Branch ids: STEP[i] under the root, PARENT/STEP[i] below; a repeated ForEach gets @attempt.</summary>
    private static string Prefix(StepContext context)
    {
        var attempt = context.Branch.Attempts.GetValueOrDefault(context.Step.Id);
        var name = attempt > 1 ? $"{context.Step.Id}@{attempt}" : context.Step.Id;
        return context.Branch.Id == CaseState.RootBranchId ? name : $"{context.Branch.Id}/{name}";
    }
}
