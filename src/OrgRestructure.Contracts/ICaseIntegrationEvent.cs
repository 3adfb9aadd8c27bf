namespace OrgRestructure.Contracts;

/// <summary>
/// What every integration event says about where it came from. Consumers deduplicate on
/// <see cref="SourceEventId"/>, which is also the MassTransit message id: a republish after a
/// relay crash carries the same id.
/// </summary>
public interface ICaseIntegrationEvent
{
    /// <summary>Id of the stored event this message was published from.</summary>
    Guid SourceEventId { get; }

    /// <summary>Global position of that stored event (ordering hint for consumers).</summary>
    long SourcePosition { get; }

    string CaseId { get; }

    string District { get; }

    /// <summary>Number of the procedure step (1–7) the event concerns, when it concerns one.</summary>
    int? Step { get; }

    /// <summary>The definition's id or title of that step.</summary>
    string? StepName { get; }

    Guid CorrelationId { get; }

    DateTimeOffset OccurredAt { get; }
}
