using System.Text.Json;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Server.Features.Definitions;

namespace OrgRestructure.Server.Features.Cases;

public enum CaseStatus
{
    Active,
    Completed,
    Cancelled,
}

/// <summary>A task of a case: open until completed (or closed by a return or a cancel).</summary>
public sealed record CaseTask(string TaskId, int Step, DateTimeOffset OpenedAt, DateTimeOffset DueAt, string? Assignee, bool Open, string? CompletedBy);

/// <summary>One line of the case's timeline: what happened, who did it, when.</summary>
public sealed record TimelineEntry(long Version, DateTimeOffset At, string Actor, string ActorRole, string Type, string SummaryVi, string SummaryEn);

/// <summary>
/// A case as the fold of its events (static Apply per event), so the live state, an audit replay
/// to any version or time, and a rebuild after restart are the same computation.
/// </summary>
public sealed record CaseState
{
    public required string CaseId { get; init; }
    public string DefinitionId { get; init; } = ProcedureDefinition.FormationId;
    public int DefinitionVersion { get; init; } = 1;
    public string Province { get; init; } = string.Empty;
    public string District { get; init; } = string.Empty;
    public string? CampaignId { get; init; }
    public IReadOnlyList<CommitteePlan> Committees { get; init; } = [];
    public CaseStatus Status { get; init; } = CaseStatus.Active;
    public int CurrentStep { get; init; }
    public IReadOnlyList<CaseTask> Tasks { get; init; } = [];
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> StepData { get; init; } = new Dictionary<int, IReadOnlyDictionary<string, string>>();
    public IReadOnlyList<int> CompletedSteps { get; init; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
    public long Version { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public IEnumerable<CaseTask> OpenTasks => Tasks.Where(t => t.Open);

    /// <summary>The names on the slate, as last defined in step 1 plus step-3 nominations.</summary>
    public IReadOnlyList<string> Slate =>
        [.. SplitLines(StepData.GetValueOrDefault(1)?.GetValueOrDefault("candidates"))
            .Concat(SplitLines(StepData.GetValueOrDefault(3)?.GetValueOrDefault("nominations")))
            .Distinct(StringComparer.Ordinal)];

    public static IEnumerable<string> SplitLines(string? text) =>
        (text ?? string.Empty).Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static CaseState Fold(string caseId, IEnumerable<StoredEvent> events)
    {
        var state = new CaseState { CaseId = caseId };
        foreach (var e in events)
        {
            state = Apply(state, e);
        }

        return state;
    }

    public static CaseState Apply(CaseState state, StoredEvent stored)
    {
        var data = CaseEventTypes.ByName.TryGetValue(stored.Type, out var type)
            ? JsonSerializer.Deserialize(stored.Data, type, CaseJson.Options)
            : null;
        var next = data switch
        {
            CaseStarted e => Apply(state, e, stored.Timestamp),
            TaskOpened e => Apply(state, e, stored.Timestamp),
            TaskClaimed e => WithTask(state, e.TaskId, t => t with { Assignee = e.UserName }),
            TaskReleased e => WithTask(state, e.TaskId, t => t with { Assignee = null }),
            TaskReassigned e => WithTask(state, e.TaskId, t => t with { Assignee = e.ToUser }),
            TaskCompleted e => Apply(state, e, stored.Actor),
            SlateReturned e => state with { CurrentStep = e.ToStep, CompletedSteps = [.. state.CompletedSteps.Where(s => s < e.ToStep)] },
            CaseCompleted => state with { Status = CaseStatus.Completed, CurrentStep = 0 },
            CaseCancelled => state with { Status = CaseStatus.Cancelled, Tasks = [.. state.Tasks.Select(t => t with { Open = false })] },
            _ => state,
        };
        var (vi, en) = CaseNarration.Describe(data, stored);
        return next with
        {
            Version = stored.StreamVersion,
            UpdatedAt = stored.Timestamp,
            Timeline = [.. next.Timeline, new TimelineEntry(stored.StreamVersion, stored.Timestamp, stored.Actor, stored.ActorRole, stored.Type, vi, en)],
        };
    }

    private static CaseState Apply(CaseState state, CaseStarted e, DateTimeOffset at) => state with
    {
        DefinitionId = e.DefinitionId,
        DefinitionVersion = e.DefinitionVersion,
        Province = e.Province,
        District = e.District,
        Committees = e.Committees,
        CampaignId = e.CampaignId,
        StartedAt = at,
    };

    private static CaseState Apply(CaseState state, TaskOpened e, DateTimeOffset at) => state with
    {
        CurrentStep = e.Step,
        Tasks = [.. state.Tasks, new CaseTask(e.TaskId, e.Step, at, e.DueAt, null, true, null)],
    };

    private static CaseState Apply(CaseState state, TaskCompleted e, string actor)
    {
        var stepData = new Dictionary<int, IReadOnlyDictionary<string, string>>(state.StepData) { [e.Step] = e.Data };
        return WithTask(state, e.TaskId, t => t with { Open = false, CompletedBy = actor }) with
        {
            StepData = stepData,
            CompletedSteps = [.. state.CompletedSteps.Append(e.Step).Distinct().Order()],
        };
    }

    private static CaseState WithTask(CaseState state, string taskId, Func<CaseTask, CaseTask> change) =>
        state with { Tasks = [.. state.Tasks.Select(t => t.TaskId == taskId ? change(t) : t)] };
}
