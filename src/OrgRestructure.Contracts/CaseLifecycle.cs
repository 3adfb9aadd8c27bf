namespace OrgRestructure.Contracts;

/// <summary>A district launched a restructuring case.</summary>
public sealed record CaseLaunched(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string? Title,
    string? DefinitionId,
    string? LaunchedBy,
    Wording? Wording = null) : ICaseIntegrationEvent;

/// <summary>A case went through all its steps.</summary>
public sealed record CaseCompleted(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string? Title,
    Wording? Wording = null) : ICaseIntegrationEvent;

/// <summary>A case was stopped before its end.</summary>
public sealed record CaseCancelled(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string? Title,
    string? Reason,
    Wording? Wording = null) : ICaseIntegrationEvent;
