using System.Globalization;
using OrgRestructure.Contracts;
using OrgRestructure.Workflows.Events;
using Engine = OrgRestructure.Workflows.Events;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// Which engine events become which integration events: one line per engine event record.
/// Engine events not listed here (votes recorded, slates edited …) stay internal to the engine.
/// </summary>
public static class StoredEventMap
{
    private static readonly Dictionary<Type, Func<StoredEventView, ICaseIntegrationEvent?>> Table = new(
    [
        On<CaseStarted>((e, x) => new CaseLaunched(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, x.Title.Vi, x.DefinitionId, x.StartedBy, Wording: e.Wording)),
        // The step's scope is the branch it runs in (a new committee's).
        On<Engine.StepStarted>((e, x) => new Contracts.StepStarted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, [], x.BranchId, e.StepAudience, e.Wording)),
        On<TaskCreated>((e, x) => Assigned(e, x, TaskContext.Of(x))),
        // Handing a task to someone (or another role) assigns it anew: the new assignee must hear of it.
        On<TaskReassigned>((e, x) => new TaskAssigned(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, x.TaskId, e.Facts.TitleOfTask(x.TaskId), x.ToAssignee, One(x.ToRole), e.Facts.AssigneeOfTask(x.TaskId).Scope, null, TaskTitleEn: e.Facts.TitleEnOfTask(x.TaskId), Wording: e.Wording)),
        // The engine says how a step ended on step-completed; a completed task has no outcome of its own.
        On<Engine.TaskCompleted>((e, x) => new Contracts.TaskCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, x.TaskId, x.By, Outcome: null, Wording: e.Wording)),
        On<Engine.StepCompleted>((e, x) => new Contracts.StepCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, x.Outcome, Wording: e.Wording)),
        On<Engine.NotificationRequested>((e, x) => Notice(e, x, NoticeSubstance.Of(x))),
        // A committee formed (a ForEach branch completed): its progress, to whom the ForEach's notice names.
        On<BranchCompleted>((e, _) => e.Progress is { } p ? ProgressNotice(e, p) : null),
        On<Engine.DeadlineApproaching>((e, x) => new Contracts.DeadlineApproaching(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, x.TaskId, x.DueAt, [], TaskRoles(e, x.TaskId), e.Facts.AssigneeOfTask(x.TaskId).Scope, Wording: e.Wording)),
        On<Engine.DeadlineMissed>((e, x) => new Contracts.DeadlineMissed(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, x.TaskId, x.DueAt, [], [.. TaskRoles(e, x.TaskId), .. One(x.EscalatedTo)], e.Facts.AssigneeOfTask(x.TaskId).Scope, Wording: e.Wording)),
        On<Engine.CaseCompleted>((e, _) => new Contracts.CaseCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, Wording: e.Wording)),
        On<Engine.CaseCancelled>((e, x) => new Contracts.CaseCancelled(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, x.Reason, Wording: e.Wording)),
    ]);

    /// <summary>The engine's type names ("task-created" …) of the events the relay publishes.</summary>
    private static readonly HashSet<string> PublishedNames = Table.Keys.Select(EventTypeRegistry.NameOf).ToHashSet(StringComparer.Ordinal);

    private static KeyValuePair<Type, Func<StoredEventView, ICaseIntegrationEvent?>> On<T>(Func<StoredEventView, T, ICaseIntegrationEvent?> map)
        where T : ICaseEvent => new(typeof(T), e => map(e, (T)e.Event));

    private static TaskAssigned Assigned(StoredEventView e, TaskCreated x, TaskContext context)
    {
        var (note, noteEn) = NoticeSubstance.Of(context);
        IReadOnlyList<string> groups = [.. new[] { x.AssigneeRole }.Concat(x.CandidateGroups ?? []).Where(g => !string.IsNullOrEmpty(g)).Distinct(StringComparer.Ordinal)];
        return new TaskAssigned(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, x.TaskId, x.Title.Vi, null, groups, x.Scope, x.DueAt, note, noteEn, context.Returned, x.Title.En, e.Wording);
    }

    private static Contracts.NotificationRequested Notice(StoredEventView e, Engine.NotificationRequested x, (string? Vi, string? En) message) =>
        new(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, x.Template, message.Vi, message.En, [], x.RecipientRoles ?? [], x.Scope, Wording: e.Wording);

    private static Contracts.NotificationRequested ProgressNotice(StoredEventView e, BranchProgress p)
    {
        string Fill(string text) => text
            .Replace("{district}", e.District, StringComparison.Ordinal)
            .Replace("{name}", p.Label ?? string.Empty, StringComparison.Ordinal)
            .Replace("{done}", p.Done.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{total}", p.Total.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (vi, en) = (Fill(p.Notice.Text.Vi), Fill(p.Notice.Text.En));
        return new Contracts.NotificationRequested(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, p.ForEach.Number, p.ForEach.Id, e.Stored.CorrelationId, e.Stored.Timestamp, "progress", vi, en, [], p.Notice.Notify, null, vi, en, e.Facts.WordingOf(p.ForEach));
    }

    private static IReadOnlyList<string> TaskRoles(StoredEventView e, string taskId) => One(e.Facts.AssigneeOfTask(taskId).Role);

    private static IReadOnlyList<string> One(string? group) => string.IsNullOrEmpty(group) ? [] : [group];

    public static bool Publishes(string storedType) => PublishedNames.Contains(storedType);

    /// <summary>The integration event for a stored event, or null when it is not published (its type is not, or a branch's ForEach tells no one).</summary>
    public static ICaseIntegrationEvent? Map(StoredEventView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Table.TryGetValue(view.Event.GetType(), out var map) ? map(view) : null;
    }
}
