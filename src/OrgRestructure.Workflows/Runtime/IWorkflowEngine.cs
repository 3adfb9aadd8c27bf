using OrgRestructure.EventStore.Streams;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// Per-command options. <see cref="CommandId"/> makes a retry safe: a command already applied is
/// answered with its first result (<see cref="CaseCommandResult.WasDuplicate"/>) and not applied
/// again. <see cref="ExpectedVersion"/>: the case version the caller saw; if the case moved on,
/// <c>ConcurrencyException</c> (409) is thrown and nothing is appended.
/// </summary>
public sealed record CommandOptions(string? CommandId = null, long? ExpectedVersion = null, Guid? CorrelationId = null, Guid? CausationId = null);

/// <summary>What a command did: the versions it appended and the case state after it.</summary>
/// <summary>
/// What a command did. <see cref="History"/>, when known, is the case's stream up to <see cref="Version"/>
/// (what was loaded plus what was appended), so the caller can show the case without reading it again.
/// </summary>
public sealed record CaseCommandResult(string CaseId, long FromVersion, long Version, bool WasDuplicate, IReadOnlyList<string> EventTypes, CaseState State, IReadOnlyList<StoredEvent>? History = null);

/// <summary>Filter for open tasks across cases (all null = every open task).</summary>
public sealed record TaskQuery(string? Role = null, string? Scope = null, string? Assignee = null, string? CaseId = null);

/// <summary>
/// The engine as the server and messaging see it. Every mutating call either appends all its
/// events atomically or throws a <see cref="WorkflowException"/> (or ConcurrencyException) and
/// appends nothing.
/// </summary>
public interface IWorkflowEngine
{
    WorkflowDefinitionRegistry Definitions { get; }

    /// <summary>
    /// Starts a case of the latest (or the given) definition version. <paramref name="input"/> is
    /// checked against the definition's input fields; an optional "parameters" object in it
    /// overrides parameter defaults (each must be declared, of its type). With a CommandId the
    /// case id is derived from it, so a retried start returns the same case.
    /// </summary>
    Task<CaseCommandResult> StartCaseAsync(string definitionId, JsonObject input, Actor actor, CommandOptions? options = null, int? definitionVersion = null, CancellationToken cancellationToken = default);

    /// <summary>The case as the fold of all its events. Throws <see cref="WorkflowNotFound"/>.</summary>
    Task<CaseState> GetCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The case as it was after event <paramref name="version"/> and/or at time <paramref name="at"/> (stored timestamps).</summary>
    Task<CaseState> GetCaseAtAsync(string caseId, long? version = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkTask>> ListOpenTasksAsync(TaskQuery query, CancellationToken cancellationToken = default);

    Task<CaseCommandResult> ClaimTaskAsync(string caseId, string taskId, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default);

    Task<CaseCommandResult> ReleaseTaskAsync(string caseId, string taskId, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Gives the task to another person and/or role, with a reason.</summary>
    Task<CaseCommandResult> ReassignTaskAsync(string caseId, string taskId, string? toAssignee, string? toRole, string reason, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes the task's bookmark with form data: validated, applied, and the case runs on.</summary>
    Task<CaseCommandResult> CompleteTaskAsync(string caseId, string taskId, JsonObject data, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a branch back to a step it already completed (its open tasks are cancelled; history kept).</summary>
    Task<CaseCommandResult> ReturnToStepAsync(string caseId, string branchId, string stepId, string reason, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default);

    Task<CaseCommandResult> CancelCaseAsync(string caseId, string reason, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default);

    Task<CaseCommandResult> SuspendAsync(string caseId, string reason, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default);

    Task<CaseCommandResult> ResumeAsync(string caseId, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called by the scheduler: reminders before due dates, escalation after them, timers that
    /// are due, all as of <paramref name="now"/>. Returns the result (Version unchanged if nothing was due).
    /// </summary>
    Task<CaseCommandResult> FireDueTimersAsync(string caseId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The same for every running case; returns only the cases that changed.</summary>
    Task<IReadOnlyList<CaseCommandResult>> FireDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
