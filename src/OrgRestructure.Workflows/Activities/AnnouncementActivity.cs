using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// The ceremony announcing decisions: date, attendees and which decisions were announced; each
/// announced decision must be one recorded in this branch (or the branches above it).
/// </summary>
internal sealed class AnnouncementActivity : IActivity
{
    public string Kind => "Announcement";

    public bool CreatesTask => true;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["context"]);
        foreach (var p in check.StringList(step.Config, "context", path, false) ?? [])
        {
            check.DataPath(p, path + ".context", step);
        }
    }

    public void Start(StepContext context)
    {
        var ctx = HumanTaskActivity.ContextData(context);
        ctx["decisions"] = new JsonArray(Recorded(context).Select(n => (JsonNode?)n).ToArray());
        context.CreateTask(
            [
                new("ceremonyDate", "date", new("Ngày tổ chức lễ công bố", "Ceremony date"), true),
                new("attendees", "integer", new("Số người dự", "Attendees"), true, Min: 0),
                new("decisions", "stringList", new("Các quyết định được công bố", "Decisions announced"), true),
            ],
            ctx);
    }

    public void Complete(StepContext context, WorkTask task, JsonObject data)
    {
        var recorded = Recorded(context);
        var announced = data["decisions"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var problems = announced.Select((d, i) => (d, i)).Where(x => !recorded.Contains(x.d))
            .Select(x => new FieldProblem($"decisions[{x.i}]", $"quyết định {x.d} chưa được ghi nhận trong hồ sơ", $"decision {x.d} is not recorded in this case"))
            .ToList();
        PartyRules.Refuse(problems);
        var date = data["ceremonyDate"]!.GetValue<string>();
        var attendees = ConfidenceVoteActivity.Int(data, "attendees");
        context.Emit(new AnnouncementRecorded(context.Branch.Id, context.Step.Id, date, attendees, announced, context.Now));
        context.Complete("announced", data.DeepClone());
    }

    private static List<string> Recorded(StepContext context)
    {
        var numbers = new List<string>();
        for (var b = context.Branch; b is not null; b = b.ParentId is null ? null : context.State.Branches[b.ParentId])
        {
            numbers.AddRange(b.Decisions.Select(d => d.Number));
        }

        return numbers;
    }
}
