using OrgRestructure.Contracts;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using Engine = OrgRestructure.Workflows.Events;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// A stored event read as the engine's own record, plus the case facts the relay already knows
/// (district, title, its procedure's definition) for events that do not repeat them.
/// </summary>
public sealed class StoredEventView
{
    internal StoredEventView(StoredEvent stored, ICaseEvent @event, CaseFacts facts)
    {
        Stored = stored;
        Event = @event;
        Facts = facts;
    }

    public StoredEvent Stored { get; }

    /// <summary>The engine's event, as the engine reads it back from its stream.</summary>
    public ICaseEvent Event { get; }

    public CaseFacts Facts { get; }

    public string CaseId => Facts.CaseId;

    public string District => Facts.District;

    /// <summary>The task the event is about, for the task and deadline events.</summary>
    public string? TaskId => Event switch
    {
        TaskCreated x => x.TaskId,
        TaskReassigned x => x.TaskId,
        Engine.TaskCompleted x => x.TaskId,
        Engine.DeadlineApproaching x => x.TaskId,
        Engine.DeadlineMissed x => x.TaskId,
        _ => null,
    };

    /// <summary>The step id: the event's own, or that of the task it is about.</summary>
    public string? StepId => Event switch
    {
        Engine.StepStarted x => x.StepId,
        TaskCreated x => x.StepId,
        Engine.StepCompleted x => x.StepId,
        Engine.NotificationRequested x => x.StepId,
        _ => TaskId is { } task ? Facts.StepOfTask(task) : null,
    };

    /// <summary>The step in the case's definition (the version the case pinned), when known.</summary>
    public StepDefinition? StepDefinition =>
        StepId is { } id && Facts.Definition is { } d && d.AllSteps.TryGetValue(id, out var step) ? step : null;

    public int? Step => StepDefinition?.Number;

    public string? StepName => StepId;

    /// <summary>The case and the step in words, from the definition (a step it does not know is named by none).</summary>
    public Wording Wording => Facts.WordingOf(StepDefinition);

    /// <summary>The groups the step's definition says hear of its start.</summary>
    public IReadOnlyList<string> StepAudience => StepDefinition?.Notice?.Notify ?? [];

    /// <summary>For a completed ForEach branch whose step declares a progress notice: how far its ForEach is.</summary>
    public BranchProgress? Progress { get; internal set; }
}
