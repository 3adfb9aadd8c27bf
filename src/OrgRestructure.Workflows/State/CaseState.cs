using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.State;

public enum CaseStatus
{
    Running,
    Suspended,
    Cancelled,
    Completed,
}

public enum BranchStatus
{
    Active,
    Completed,
    Cancelled,
}

public enum WorkTaskStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>
/// A case as the fold of its events (see CaseState.Apply.cs). Nothing here is set except by an
/// Apply method, so replaying the stream reproduces it exactly.
/// </summary>
public sealed partial class CaseState
{
    public const string RootBranchId = "main";

    public string CaseId { get; internal set; } = string.Empty;

    public string DefinitionId { get; internal set; } = string.Empty;

    public int DefinitionVersion { get; internal set; }

    public string DefinitionHash { get; internal set; } = string.Empty;

    public LocalizedText Title { get; internal set; } = new(string.Empty, string.Empty);

    public CaseStatus Status { get; internal set; }

    public long Version { get; internal set; }

    public JsonObject Input { get; internal set; } = [];

    public JsonObject Parameters { get; internal set; } = [];

    public string StartedBy { get; internal set; } = string.Empty;

    public DateTimeOffset StartedAt { get; internal set; }

    public DateTimeOffset UpdatedAt { get; internal set; }

    public DateTimeOffset? EndedAt { get; internal set; }

    public string? Reason { get; internal set; }

    public Dictionary<string, BranchState> Branches { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, WorkTask> Tasks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TimerState> Timers { get; } = new(StringComparer.Ordinal);

    /// <summary>Step-level history in order: started, completed, returned — kept across returns.</summary>
    public List<HistoryEntry> History { get; } = [];

    public List<NotificationRequested> Notifications { get; } = [];

    [JsonIgnore]
    public IEnumerable<WorkTask> OpenTasks => Tasks.Values.Where(t => t.Status == WorkTaskStatus.Open);

    /// <summary>Steps being worked on now, one per active branch that waits somewhere.</summary>
    [JsonIgnore]
    public IEnumerable<(string BranchId, string StepId)> CurrentSteps =>
        Branches.Values.Where(b => b.Status == BranchStatus.Active && b.CurrentStepId is not null).Select(b => (b.Id, b.CurrentStepId!));
}

public sealed class BranchState
{
    public string Id { get; internal set; } = string.Empty;

    public string? ParentId { get; internal set; }

    public string? ForEachStepId { get; internal set; }

    public int Index { get; internal set; }

    public string Label { get; internal set; } = string.Empty;

    public JsonNode? Item { get; internal set; }

    public BranchStatus Status { get; internal set; }

    public string? CurrentStepId { get; internal set; }

    /// <summary>True once the current step's StepStarted is recorded.</summary>
    public bool CurrentStarted { get; internal set; }

    public Dictionary<string, int> Attempts { get; } = new(StringComparer.Ordinal);

    /// <summary>Steps completed since the branch last returned past them.</summary>
    public List<string> CompletedSteps { get; } = [];

    /// <summary>What each step produced (form data, vote results, decision...), by step id.</summary>
    public JsonObject Outputs { get; internal set; } = [];

    /// <summary>Latest vetting verdict per candidate, by vetting step id.</summary>
    public Dictionary<string, Dictionary<string, CandidateVetted>> Vetting { get; } = new(StringComparer.Ordinal);

    public List<DecisionRecorded> Decisions { get; } = [];

    /// <summary>
    /// Each candidate's latest outcome at each step that judged them (confidence votes, vetting),
    /// by candidate then step id: what later steps (vetting, the decision) must take into account.
    /// </summary>
    public Dictionary<string, Dictionary<string, CandidateStepOutcome>> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>Appointments of failed candidates the deciding body recorded, with who and why.</summary>
    public List<CandidateOverrideRecorded> Overrides { get; } = [];

    /// <summary>The return that sent the branch to its current step, until that step completes again.</summary>
    public StepReturned? PendingReturn { get; internal set; }

    /// <summary>The candidate's failed outcomes (latest per step), in the order the steps judged them.</summary>
    public IReadOnlyList<CandidateStepOutcome> FailuresOf(string candidate) =>
        Outcomes.TryGetValue(candidate, out var byStep) ? [.. byStep.Values.Where(o => !o.Passed)] : [];
}

/// <summary>One step's verdict on one candidate, with the sentence a clerk can check.</summary>
public sealed record CandidateStepOutcome(string StepId, string Kind, bool Passed, LocalizedText Explanation);

public sealed class WorkTask
{
    public string Id { get; internal set; } = string.Empty;

    public string CaseId { get; internal set; } = string.Empty;

    public string BranchId { get; internal set; } = string.Empty;

    public string StepId { get; internal set; } = string.Empty;

    public string Kind { get; internal set; } = string.Empty;

    public LocalizedText Title { get; internal set; } = new(string.Empty, string.Empty);

    public string AssigneeRole { get; internal set; } = string.Empty;

    public IReadOnlyList<string> CandidateGroups { get; internal set; } = [];

    public string? Scope { get; internal set; }

    public string? Assignee { get; internal set; }

    public DateTimeOffset CreatedAt { get; internal set; }

    public DateTimeOffset? DueAt { get; internal set; }

    public DateTimeOffset? RemindAt { get; internal set; }

    public string? EscalateTo { get; internal set; }

    public bool ReminderSent { get; internal set; }

    public bool Overdue { get; internal set; }

    public IReadOnlyList<FormField> Form { get; internal set; } = [];

    public JsonObject Context { get; internal set; } = [];

    public WorkTaskStatus Status { get; internal set; }

    public string? CompletedBy { get; internal set; }

    public DateTimeOffset? CompletedAt { get; internal set; }

    public JsonObject? Data { get; internal set; }
}

public sealed class TimerState
{
    public string Id { get; internal set; } = string.Empty;

    public string BranchId { get; internal set; } = string.Empty;

    public string StepId { get; internal set; } = string.Empty;

    public DateTimeOffset DueAt { get; internal set; }

    public bool Fired { get; internal set; }
}

public sealed record HistoryEntry(long Version, string Kind, string? BranchId, string? StepId, string? Detail, DateTimeOffset At);
