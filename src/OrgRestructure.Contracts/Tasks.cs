namespace OrgRestructure.Contracts;

/// <summary>
/// A human task was created for an assignee, or for the members of its roles/candidate groups within <see cref="Scope"/> (e.g. one new committee).
/// <see cref="Note"/> / <see cref="NoteEn"/> say what it is about in words: the committee, and for a returned step what was refused and why.
/// <see cref="Returned"/> is set when the task revises a step that a later step sent back.
/// </summary>
public sealed record TaskAssigned(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string TaskId,
    string? TaskTitle,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    string? Scope,
    DateTimeOffset? DueAt,
    string? Note = null,
    string? NoteEn = null,
    StepReturnNotice? Returned = null,
    string? TaskTitleEn = null,
    Wording? Wording = null) : ICaseIntegrationEvent;

/// <summary>Why a step came back: who sent it back, the reason, and the sentence shown to people (Vietnamese, English).</summary>
public sealed record StepReturnNotice(string By, string Reason, string ExplanationVi, string ExplanationEn);

/// <summary>A human task was completed (approved, rejected, returned …).</summary>
public sealed record TaskCompleted(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string TaskId,
    string? CompletedBy,
    string? Outcome,
    Wording? Wording = null) : ICaseIntegrationEvent;
