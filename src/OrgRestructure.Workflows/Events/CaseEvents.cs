using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Events;

/// <summary>Marker for the events of a case stream. Each has a stable name, see <see cref="EventTypeAttribute"/>.</summary>
public interface ICaseEvent;

/// <summary>The stable type name stored with the event, e.g. "case-started"; never rename one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

[EventType("case-started")]
public sealed record CaseStarted(
    string CaseId,
    string DefinitionId,
    int DefinitionVersion,
    string DefinitionHash,
    LocalizedText Title,
    JsonObject Input,
    JsonObject Parameters,
    string FirstStepId,
    string StartedBy,
    DateTimeOffset At) : ICaseEvent;

/// <summary>A ForEach fanned out: one branch per item of its collection.</summary>
[EventType("branch-started")]
public sealed record BranchStarted(string BranchId, string ParentBranchId, string ForEachStepId, int Index, string Label, JsonNode? Item, string FirstStepId, DateTimeOffset At) : ICaseEvent;

[EventType("branch-completed")]
public sealed record BranchCompleted(string BranchId, DateTimeOffset At) : ICaseEvent;

[EventType("branch-cancelled")]
public sealed record BranchCancelled(string BranchId, string Reason, DateTimeOffset At) : ICaseEvent;

[EventType("step-started")]
public sealed record StepStarted(string BranchId, string StepId, int Attempt, DateTimeOffset At) : ICaseEvent;

/// <summary>A bookmark where the case waits for people: a task with a typed form.</summary>
[EventType("task-created")]
public sealed record TaskCreated(
    string TaskId,
    string BranchId,
    string StepId,
    string Kind,
    LocalizedText Title,
    string AssigneeRole,
    IReadOnlyList<string> CandidateGroups,
    string? Scope,
    DateTimeOffset? DueAt,
    DateTimeOffset? RemindAt,
    string? EscalateTo,
    IReadOnlyList<FormField> Form,
    JsonObject Context,
    DateTimeOffset At) : ICaseEvent;

[EventType("task-claimed")]
public sealed record TaskClaimed(string TaskId, string By, DateTimeOffset At) : ICaseEvent;

[EventType("task-released")]
public sealed record TaskReleased(string TaskId, string By, DateTimeOffset At) : ICaseEvent;

[EventType("task-reassigned")]
public sealed record TaskReassigned(string TaskId, string? FromAssignee, string? ToAssignee, string? ToRole, string By, string Reason, DateTimeOffset At) : ICaseEvent;

[EventType("task-completed")]
public sealed record TaskCompleted(string TaskId, string By, JsonObject Data, DateTimeOffset At) : ICaseEvent;

[EventType("task-cancelled")]
public sealed record TaskCancelled(string TaskId, string Reason, DateTimeOffset At) : ICaseEvent;

/// <summary>One candidate's confidence tally and outcome, with the sentence a clerk can check.</summary>
public sealed record CandidateVoteResult(string Candidate, int High, int Normal, int Low, int Invalid, bool Nominated, bool Passed, string? HeadDecidedBy, LocalizedText Explanation);

[EventType("vote-recorded")]
public sealed record VoteRecorded(
    string BranchId,
    string StepId,
    int Summoned,
    int Present,
    bool ConferenceValid,
    LocalizedText ConferenceExplanation,
    IReadOnlyList<CandidateVoteResult> Results,
    DateTimeOffset At) : ICaseEvent;

[EventType("candidate-vetted")]
public sealed record CandidateVetted(string BranchId, string StepId, string Candidate, bool Approved, string Reason, string By, DateTimeOffset At) : ICaseEvent;

public sealed record ElectionCandidateResult(string Candidate, int Votes, bool Elected, LocalizedText Explanation);

[EventType("election-recorded")]
public sealed record ElectionRecorded(
    string BranchId,
    string StepId,
    string Body,
    int Seats,
    int Summoned,
    int Present,
    IReadOnlyList<ElectionCandidateResult> Results,
    string? Chair,
    LocalizedText Explanation,
    DateTimeOffset At) : ICaseEvent;

public sealed record Appointee(string Name, string Position);

/// <summary>
/// The deciding body appoints a candidate despite a failed confidence vote or vetting, as the
/// definition allows ("override-with-reason"): who decided, why, and the failures overridden.
/// </summary>
[EventType("candidate-override-recorded")]
public sealed record CandidateOverrideRecorded(string BranchId, string StepId, string Candidate, IReadOnlyList<LocalizedText> Failures, string DecidedBy, string Reason, string By, DateTimeOffset At) : ICaseEvent;

[EventType("decision-recorded")]
public sealed record DecisionRecorded(string BranchId, string StepId, string Number, string Date, string Signatory, IReadOnlyList<Appointee> Appointees, DateTimeOffset At) : ICaseEvent;

[EventType("announcement-recorded")]
public sealed record AnnouncementRecorded(string BranchId, string StepId, string CeremonyDate, int Attendees, IReadOnlyList<string> Decisions, DateTimeOffset At) : ICaseEvent;

[EventType("approval-recorded")]
public sealed record ApprovalRecorded(string BranchId, string StepId, string Outcome, string Reason, string By, DateTimeOffset At) : ICaseEvent;

[EventType("gate-evaluated")]
public sealed record GateEvaluated(string BranchId, string StepId, bool Passed, LocalizedText Explanation, DateTimeOffset At) : ICaseEvent;

[EventType("step-completed")]
public sealed record StepCompleted(string BranchId, string StepId, string Outcome, JsonNode? Output, string? NextStepId, DateTimeOffset At) : ICaseEvent;

/// <summary>The branch goes back to an earlier step (e.g. vetting failed → slate). History is kept.</summary>
/// <paramref name="Candidates"/> names the people the return is about (e.g. those rejected at vetting); absent in older streams.
[EventType("step-returned")]
public sealed record StepReturned(string BranchId, string FromStepId, string ToStepId, string Reason, string By, DateTimeOffset At, IReadOnlyList<string>? Candidates = null) : ICaseEvent;

/// <summary>Asks the messaging side to tell people something; delivery is not the engine's job.</summary>
[EventType("notification-requested")]
public sealed record NotificationRequested(
    string NotificationId,
    string? BranchId,
    string? StepId,
    string Template,
    IReadOnlyList<string> RecipientRoles,
    string? Scope,
    LocalizedText Subject,
    JsonObject Data,
    DateTimeOffset At) : ICaseEvent;

[EventType("timer-scheduled")]
public sealed record TimerScheduled(string TimerId, string BranchId, string StepId, DateTimeOffset DueAt, DateTimeOffset At) : ICaseEvent;

[EventType("timer-fired")]
public sealed record TimerFired(string TimerId, DateTimeOffset At) : ICaseEvent;

[EventType("deadline-approaching")]
public sealed record DeadlineApproaching(string TaskId, DateTimeOffset DueAt, DateTimeOffset At) : ICaseEvent;

[EventType("deadline-missed")]
public sealed record DeadlineMissed(string TaskId, DateTimeOffset DueAt, string? EscalatedTo, DateTimeOffset At) : ICaseEvent;

[EventType("case-suspended")]
public sealed record CaseSuspended(string Reason, string By, DateTimeOffset At) : ICaseEvent;

[EventType("case-resumed")]
public sealed record CaseResumed(string By, DateTimeOffset At) : ICaseEvent;

[EventType("case-cancelled")]
public sealed record CaseCancelled(string Reason, string By, DateTimeOffset At) : ICaseEvent;

[EventType("case-completed")]
public sealed record CaseCompleted(DateTimeOffset At) : ICaseEvent;
