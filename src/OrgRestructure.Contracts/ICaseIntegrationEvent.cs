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

    /// <summary>Number of the procedure step the event concerns, as its definition numbers it, when it has one.</summary>
    int? Step { get; }

    /// <summary>The definition's id or title of that step.</summary>
    string? StepName { get; }

    Guid CorrelationId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The case and step in words, from the case and its procedure's definition; null when unknown.</summary>
    Wording? Wording { get; }
}

/// <summary>A text in Vietnamese and English.</summary>
public sealed record Bilingual(string Vi, string En)
{
    public string In(bool english) => english ? En : Vi;
}

/// <summary>
/// How people read what an event concerns: the case's title, the step as notices name it, and the
/// sentence the step's definition adds to the notice of its start, when it has one.
/// </summary>
public sealed record Wording(Bilingual? Case, Bilingual? Step, Bilingual? StepNote = null);
