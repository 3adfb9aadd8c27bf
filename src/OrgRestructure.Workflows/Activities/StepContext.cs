using System.Globalization;
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

/// <summary>What an activity may see and do for one step of one branch.</summary>
internal sealed class StepContext(CaseSession session, BranchState branch, StepDefinition step)
{
    public CaseSession Session { get; } = session;

    public BranchState Branch { get; } = branch;

    public StepDefinition Step { get; } = step;

    public WorkflowDefinition Definition => Session.Definition;

    public CaseState State => Session.State;

    public DateTimeOffset Now => Session.Now;

    public Actor Actor => Session.Actor;

    public JsonObject Config => Step.Config;

    public void Emit(ICaseEvent e) => Session.Emit(e);

    /// <summary>A config value given literally or as {"param": NAME}, resolved against the case's parameters.</summary>
    public JsonNode? Setting(JsonNode? node) =>
        node is JsonObject o && o["param"]?.GetValue<string>() is { } name ? State.Parameters[name] : node;

    public JsonNode? Setting(string key) => Setting(Config[key]);

    public int Integer(string key, int fallback) => Setting(key) is JsonValue v ? (int)v.AsDouble() : fallback;

    public Ratio Ratio(string key, string fallback) =>
        PartyRules.Ratio(Setting(key) is JsonValue v ? v.GetValue<string>() : fallback);

    /// <summary>The domain rules' thresholds for this step: its config (often {"param": ...}) over the domain defaults.</summary>
    public RuleParameters RuleParameters() => new()
    {
        ConferenceQuorum = Ratio("quorum", "2/3"),
        ConfidencePassThreshold = Ratio("passThreshold", "50%"),
        MaximumSurplus = Ratio("surplus", "30%"),
        StandingCommitteeMinimumExecutiveSize = Integer("standingCommitteeMinSeats", 9),
    };

    public bool Flag(string key, bool fallback) => Setting(key) is JsonValue v ? v.GetValue<bool>() : fallback;

    public string? Text(string key) => Config[key] is JsonValue v ? v.GetValue<string>() : null;

    /// <summary>Resolves input.x, item.x, steps.STEP.x or param.NAME in this branch (steps fall back to parent branches).</summary>
    public JsonNode? Resolve(string path)
    {
        var parts = path.Split('.');
        JsonNode? node = parts[0] switch
        {
            "input" => State.Input,
            "item" => Branch.Item,
            "param" => State.Parameters,
            "steps" => FindOutputs(parts[1]),
            _ => null,
        };
        var skip = parts[0] == "steps" ? 2 : 1;
        foreach (var part in parts.Skip(skip))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    /// <summary>Names from a list of strings or of objects with a "name" property, across several paths, first occurrence kept.</summary>
    public List<string> Names(IEnumerable<string> paths)
    {
        var names = new List<string>();
        foreach (var path in paths)
        {
            if (Resolve(path) is not JsonArray array)
            {
                continue;
            }

            foreach (var item in array)
            {
                var name = item switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                    JsonObject o => o["name"]?.GetValue<string>(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(name) && !names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    public List<string> NamesFromConfig(string key) =>
        Names(Config[key] switch
        {
            JsonArray a => a.Select(n => n!.GetValue<string>()),
            JsonValue v => [v.GetValue<string>()],
            _ => [],
        });

    /// <summary>Creates the step's task (the bookmark people resume) with due date and reminder from the step's task settings.</summary>
    public void CreateTask(IReadOnlyList<FormField> form, JsonObject context, LocalizedText? title = null)
    {
        var settings = Step.Task!;
        DateTimeOffset? due = null;
        DateTimeOffset? remind = null;
        if (Setting(settings.DueWorkingDays) is JsonValue d)
        {
            due = WorkingDays.Add(Now, (int)d.AsDouble(), Session.Holidays);
        }

        if (ParameterValues.Date(Setting(settings.DueDate)) is { } date && WorkingDays.EndOf(date) is var byDate && (due is null || byDate < due))
        {
            due = byDate;
        }

        if (due is not null && Setting(settings.ReminderDaysBefore) is JsonValue r)
        {
            remind = due.Value.AddDays(-(int)r.AsDouble());
        }

        if (Branch.PendingReturn is { } returned && returned.ToStepId == Step.Id)
        {
            // A returned step is a revision: its task says what was refused, by whom, and about whom.
            context["returned"] = ReturnNotice(returned);
        }

        var scope = settings.ScopePath is null ? Branch.Label : Resolve(settings.ScopePath)?.ToString();
        var taskId = "task-" + (State.Tasks.Count + 1).ToString("D3", CultureInfo.InvariantCulture);
        Emit(new TaskCreated(taskId, Branch.Id, Step.Id, Step.Kind, title ?? Step.Title, settings.AssigneeRole, settings.CandidateGroups, scope, due, remind, settings.EscalateTo, form, context, Now));
    }

    public void RequestNotification(string template, IReadOnlyList<string> roles, LocalizedText subject, JsonObject data)
    {
        var id = "n-" + (State.Notifications.Count + 1).ToString("D3", CultureInfo.InvariantCulture);
        Emit(new NotificationRequested(id, Branch.Id, Step.Id, template, roles, Branch.Label, subject, data, Now));
    }

    /// <summary>Finishes the step and moves the branch to <paramref name="next"/> (default: the definition's next).</summary>
    public void Complete(string outcome, JsonNode? output, string? next = null)
    {
        var target = next is null ? Definition.NextOf(Step) : next == StepDefinition.End ? null : next;
        Emit(new StepCompleted(Branch.Id, Step.Id, outcome, output, target, Now));
    }

    /// <summary>Sends the branch back to an earlier step (or this one again); history is kept.</summary>
    public void ReturnTo(string stepId, string reason, IReadOnlyList<string>? candidates = null) =>
        Emit(new StepReturned(Branch.Id, Step.Id, stepId, reason, Actor.Id, Now, candidates));

    private JsonObject ReturnNotice(StepReturned returned)
    {
        var from = Definition.AllSteps.TryGetValue(returned.FromStepId, out var step) ? step.Title : new LocalizedText(returned.FromStepId, returned.FromStepId);
        var people = returned.Candidates is { Count: > 0 } c ? string.Join(", ", c) : null;
        return new JsonObject
        {
            ["fromStep"] = returned.FromStepId,
            ["by"] = returned.By,
            ["reason"] = returned.Reason,
            ["candidates"] = new JsonArray([.. (returned.Candidates ?? []).Select(n => (JsonNode?)n)]),
            ["explanation"] = new JsonObject
            {
                ["vi"] = $"Trả về từ “{from.Vi}” bởi {returned.By}: {returned.Reason}" + (people is null ? string.Empty : $" — nhân sự liên quan: {people}"),
                ["en"] = $"Returned from “{from.En}” by {returned.By}: {returned.Reason}" + (people is null ? string.Empty : $" — candidates concerned: {people}"),
            },
        };
    }

    private JsonObject? FindOutputs(string stepId)
    {
        for (var b = Branch; b is not null; b = b.ParentId is null ? null : State.Branches[b.ParentId])
        {
            if (b.Outputs[stepId] is JsonObject o)
            {
                return o;
            }
        }

        return null;
    }
}
