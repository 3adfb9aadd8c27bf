using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.ReadModels;

/// <summary>
/// The read model of one case while events are folded into it: its summary, branches, pending timers
/// and open tasks. <see cref="Evolve"/> is pure (no clock, no I/O), so the inline projection, the
/// rebuild and the tests all compute the same rows; only loading and saving differ per back end.
/// </summary>
public sealed class CaseReadState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public CaseReadState(CaseSummaryRow summary, IEnumerable<OpenTaskRow> tasks)
    {
        Summary = summary;
        Branches = JsonSerializer.Deserialize<List<BranchPosition>>(summary.Branches, Json) ?? [];
        Timers = JsonSerializer.Deserialize<List<PendingTimer>>(summary.Timers, Json) ?? [];
        foreach (var task in tasks)
        {
            Tasks[task.TaskId] = task;
        }
    }

    public CaseSummaryRow Summary { get; private set; }

    public List<BranchPosition> Branches { get; }

    public List<PendingTimer> Timers { get; }

    public Dictionary<string, OpenTaskRow> Tasks { get; } = new(StringComparer.Ordinal);

    public static CaseReadState New(string caseId) => new(new CaseSummaryRow { CaseId = caseId }, []);

    /// <summary>The summary with the derived columns (counts, due, wake-up, scope key) brought up to date.</summary>
    public CaseSummaryRow Row()
    {
        var open = Tasks.Values.ToList();
        var running = Summary.Status == nameof(CaseStatus.Running);
        var wakes = open.SelectMany(t => new[] { t.ReminderSent || t.Missed ? null : t.RemindAt, t.Missed ? null : t.DueAt })
            .Concat(Timers.Select(t => (long?)t.DueAt))
            .Where(w => w is not null)
            .ToList();
        return Summary with
        {
            ScopeKey = Summary.Status == nameof(CaseStatus.Cancelled) || Summary.District.Length == 0
                ? null
                : $"{Summary.DefinitionId}|{Summary.Province}|{Summary.District}",
            Branches = JsonSerializer.Serialize(Branches, Json),
            Timers = JsonSerializer.Serialize(Timers, Json),
            OpenTasks = open.Count,
            MissedTasks = open.Count(t => t.Missed),
            DueAt = open.Min(t => t.DueAt),
            WakeAt = running ? wakes.Min() : null,
        };
    }

    /// <summary>Folds one stored case event; <paramref name="version"/> and <paramref name="position"/> are where it is stored.</summary>
    public void Evolve(ICaseEvent e, long version, long position)
    {
        Summary = Summary with { Version = version, LastPosition = position };
        switch (e)
        {
            case CaseStarted x:
                Summary = Summary with
                {
                    DefinitionId = x.DefinitionId,
                    DefinitionVersion = x.DefinitionVersion,
                    Province = Text(x.Input["province"]),
                    // A case is for a district or, since the 2025 reform abolished districts, for a new commune-level unit.
                    District = Text(x.Input["district"] ?? x.Input["unit"]),
                    UnitName = Text(x.Input["unitName"]) is { Length: > 0 } unitName ? unitName : null,
                    Committees = (x.Input["committees"] as JsonArray)?.Count ?? 0,
                    Status = nameof(CaseStatus.Running),
                    StartedAt = x.At.ToUnixTimeMilliseconds(),
                };
                Branches.Add(new BranchPosition(CaseState.RootBranchId, CaseState.RootBranchId, false, 0, nameof(BranchStatus.Active), x.FirstStepId));
                break;
            case BranchStarted x:
                Branches.Add(new BranchPosition(x.BranchId, x.Label, true, x.Index, nameof(BranchStatus.Active), x.FirstStepId));
                break;
            case BranchCompleted x:
                Branch(x.BranchId, b => b with { Status = nameof(BranchStatus.Completed) });
                break;
            case BranchCancelled x:
                Branch(x.BranchId, b => b with { Status = nameof(BranchStatus.Cancelled) });
                break;
            case StepStarted x:
                Branch(x.BranchId, b => b with { StepId = x.StepId });
                break;
            case StepCompleted x:
                Branch(x.BranchId, b => b with { StepId = x.NextStepId });
                break;
            case StepReturned x:
                Branch(x.BranchId, b => b with { StepId = x.ToStepId });
                break;
            case TaskCreated x:
                Tasks[x.TaskId] = NewTask(x);
                break;
            case TaskClaimed x:
                Task(x.TaskId, t => t with { Assignee = x.By });
                break;
            case TaskReleased x:
                Task(x.TaskId, t => t with { Assignee = null });
                break;
            case TaskReassigned x:
                Task(x.TaskId, t => t with { Assignee = x.ToAssignee, AssigneeRole = x.ToRole ?? t.AssigneeRole });
                break;
            case TaskCompleted x:
                Tasks.Remove(x.TaskId);
                break;
            case TaskCancelled x:
                Tasks.Remove(x.TaskId);
                break;
            case TimerScheduled x:
                Timers.Add(new PendingTimer(x.TimerId, x.DueAt.ToUnixTimeMilliseconds()));
                break;
            case TimerFired x:
                Timers.RemoveAll(t => t.Id == x.TimerId);
                break;
            case DeadlineApproaching x:
                Task(x.TaskId, t => t with { ReminderSent = true });
                break;
            case DeadlineMissed x:
                Task(x.TaskId, t => t with { Missed = true });
                break;
            case CaseSuspended:
                Summary = Summary with { Status = nameof(CaseStatus.Suspended) };
                break;
            case CaseResumed:
                Summary = Summary with { Status = nameof(CaseStatus.Running) };
                break;
            case CaseCancelled:
                Summary = Summary with { Status = nameof(CaseStatus.Cancelled) };
                break;
            case CaseCompleted:
                Summary = Summary with { Status = nameof(CaseStatus.Completed) };
                break;
        }

        if (Touches(e) is { } at)
        {
            Summary = Summary with { UpdatedAt = at.ToUnixTimeMilliseconds() };
        }
    }

    /// <summary>The events the case fold dates the case by (outcome records reach it through the step they complete).</summary>
    private static DateTimeOffset? Touches(ICaseEvent e) => e switch
    {
        VoteRecorded or ElectionRecorded or ApprovalRecorded or GateEvaluated or AnnouncementRecorded => null,
        _ => (DateTimeOffset?)e.GetType().GetProperty("At")?.GetValue(e),
    };

    private OpenTaskRow NewTask(TaskCreated x) => new()
    {
        CaseId = Summary.CaseId,
        TaskId = x.TaskId,
        BranchId = x.BranchId,
        BranchLabel = Branches.FirstOrDefault(b => b.Id == x.BranchId)?.Label ?? x.BranchId,
        StepId = x.StepId,
        Kind = x.Kind,
        TitleVi = x.Title.Vi,
        TitleEn = x.Title.En,
        AssigneeRole = x.AssigneeRole,
        CandidateGroups = OpenTaskRow.PackGroups(x.CandidateGroups),
        Scope = x.Scope,
        Province = Summary.Province,
        District = Summary.District,
        DefinitionId = Summary.DefinitionId,
        DefinitionVersion = Summary.DefinitionVersion,
        CreatedAt = x.At.ToUnixTimeMilliseconds(),
        DueAt = x.DueAt?.ToUnixTimeMilliseconds(),
        DueSort = x.DueAt?.ToUnixTimeMilliseconds() ?? long.MaxValue,
        RemindAt = x.RemindAt?.ToUnixTimeMilliseconds(),
    };

    private void Branch(string id, Func<BranchPosition, BranchPosition> change)
    {
        var index = Branches.FindIndex(b => b.Id == id);
        if (index >= 0)
        {
            Branches[index] = change(Branches[index]);
        }
    }

    private void Task(string id, Func<OpenTaskRow, OpenTaskRow> change)
    {
        if (Tasks.TryGetValue(id, out var task))
        {
            Tasks[id] = change(task);
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
}
