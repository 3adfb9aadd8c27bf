namespace OrgRestructure.Contracts;

/// <summary>A human task was created for an assignee, or for the members of its roles/candidate groups within <see cref="Scope"/> (e.g. one new committee).</summary>
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
    DateTimeOffset? DueAt) : ICaseIntegrationEvent;

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
    string? Outcome) : ICaseIntegrationEvent;
