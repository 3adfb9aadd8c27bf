namespace OrgRestructure.Contracts;

/// <summary>
/// A step of the procedure began; <see cref="Recipients"/> are the participants it concerns, when the
/// engine named them; <see cref="Scope"/> is the part of the case it runs in (a new committee's branch);
/// <see cref="RecipientGroups"/> are the groups the step's definition says must hear of its start.
/// </summary>
public sealed record StepStarted(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string? Title,
    IReadOnlyList<string> Recipients,
    string? Scope = null,
    IReadOnlyList<string>? RecipientGroups = null,
    Wording? Wording = null) : ICaseIntegrationEvent;

/// <summary>A step of the procedure ended, with its outcome in words.</summary>
public sealed record StepCompleted(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string? Title,
    string? Outcome,
    Wording? Wording = null) : ICaseIntegrationEvent;
