namespace OrgRestructure.Contracts;

/// <summary>A step's or task's due date is near.</summary>
public sealed record DeadlineApproaching(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string? TaskId,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> RecipientGroups,
    string? Scope,
    Wording? Wording = null) : ICaseIntegrationEvent;

/// <summary>A step's or task's due date passed with the work not done.</summary>
public sealed record DeadlineMissed(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string? TaskId,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> RecipientGroups,
    string? Scope,
    Wording? Wording = null) : ICaseIntegrationEvent;
