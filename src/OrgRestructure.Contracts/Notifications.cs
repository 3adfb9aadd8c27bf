namespace OrgRestructure.Contracts;

/// <summary>
/// The engine asked for participants to be told something (an invitation to a conference, a
/// vote outcome, the decision, the announcement). <see cref="Recipients"/> are user ids,
/// <see cref="RecipientGroups"/> group names the participant directory expands. <see cref="Headline"/> /
/// <see cref="HeadlineEn"/>, when set, is what the notice is about in one line (a district's progress).
/// </summary>
public sealed record NotificationRequested(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string Kind,
    string? Message,
    string? MessageEn,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> RecipientGroups,
    string? Scope,
    string? Headline = null,
    string? HeadlineEn = null,
    Wording? Wording = null) : ICaseIntegrationEvent;

/// <summary>A participant was told (feed entry written, e-mail queued). Published for audit and UI refresh.</summary>
public sealed record ParticipantNotified(
    Guid SourceEventId,
    long SourcePosition,
    string CaseId,
    string District,
    int? Step,
    string? StepName,
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    string Recipient,
    string Kind,
    string Subject,
    Wording? Wording = null) : ICaseIntegrationEvent;
