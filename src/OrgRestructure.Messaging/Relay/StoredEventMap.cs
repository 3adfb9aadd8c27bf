using OrgRestructure.Contracts;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// Which stored events become which integration events: one line per engine event type.
/// Stored events not listed here (votes recorded, slates edited …) stay internal to the engine.
/// </summary>
public static class StoredEventMap
{
    /// <summary>Type names of the engine's stored events the relay publishes.</summary>
    public static class Types
    {
        public const string CaseStarted = "case-started";
        public const string StepStarted = "step-started";
        public const string TaskCreated = "task-created";
        public const string TaskReassigned = "task-reassigned";
        public const string TaskCompleted = "task-completed";
        public const string StepCompleted = "step-completed";
        public const string NotificationRequested = "notification-requested";
        public const string DeadlineApproaching = "deadline-approaching";
        public const string DeadlineMissed = "deadline-missed";
        public const string CaseCompleted = "case-completed";
        public const string CaseCancelled = "case-cancelled";
    }

    private static readonly Dictionary<string, Func<StoredEventView, ICaseIntegrationEvent>> Table = new(StringComparer.Ordinal)
    {
        [Types.CaseStarted] = e => new CaseLaunched(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("title", "name") ?? e.Facts.Title, e.Text("definitionId", "definition"), e.Text("startedBy") ?? e.Stored.Actor),
        [Types.StepStarted] = e => new StepStarted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, e.List("recipients", "participants"), e.Text("scope", "branchId")),
        [Types.TaskCreated] = e => new TaskAssigned(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId", "id") ?? e.Stored.EventId.ToString(), e.Text("title", "taskTitle", "name"), e.Text("assignee", "assignedTo"), e.List("assigneeRole", "candidateGroups", "candidateGroup", "groups"), e.Text("scope"), e.Time("dueAt", "due", "dueDate"), NoticeSubstance.OfTask(e).Vi, NoticeSubstance.OfTask(e).En, ReturnNotice(e)),
        // Handing a task to someone (or another role) assigns it anew: the new assignee must hear of it.
        [Types.TaskReassigned] = e => new TaskAssigned(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId") ?? string.Empty, e.Text("taskId") is { } task ? e.Facts.TitleOfTask(task) : null, e.Text("toAssignee"), e.List("toRole"), TaskScope(e), null),
        [Types.TaskCompleted] = e => new TaskCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId", "id") ?? string.Empty, e.Text("completedBy", "by") ?? e.Stored.Actor, e.Text("outcome", "decision", "result")),
        [Types.StepCompleted] = e => new StepCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, e.Text("outcome", "explanation", "result")),
        [Types.NotificationRequested] = e => new NotificationRequested(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("kind", "template", "reason") ?? "notice", e.Text("message", "text") ?? NoticeSubstance.OfNotification(e).Vi, e.Text("message", "text") is null ? NoticeSubstance.OfNotification(e).En : null, e.List("recipients", "recipient", "users"), e.List("recipientRoles", "recipientGroups", "groups"), e.Text("scope")),
        [Types.DeadlineApproaching] = e => new DeadlineApproaching(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId"), e.Time("dueAt", "due", "dueDate"), e.List("recipients", "assignee"), TaskRoles(e), TaskScope(e)),
        [Types.DeadlineMissed] = e => new DeadlineMissed(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId"), e.Time("dueAt", "due", "dueDate"), e.List("recipients", "assignee"), [.. TaskRoles(e), .. e.List("escalatedTo")], TaskScope(e)),
        [Types.CaseCompleted] = e => new CaseCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title),
        [Types.CaseCancelled] = e => new CaseCancelled(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, e.Text("reason", "comment")),
    };

    private static StepReturnNotice? ReturnNotice(StoredEventView e) =>
        e.At("context", "returned", "reason") is { } reason
            ? new StepReturnNotice(e.At("context", "returned", "by") ?? string.Empty, reason, e.At("context", "returned", "explanation", "vi") ?? reason, e.At("context", "returned", "explanation", "en") ?? reason)
            : null;

    private static IReadOnlyList<string> TaskRoles(StoredEventView e) =>
        e.Text("taskId") is { } task && e.Facts.AssigneeOfTask(task).Role is { } role ? [role] : [];

    private static string? TaskScope(StoredEventView e) => e.Text("taskId") is { } task ? e.Facts.AssigneeOfTask(task).Scope : null;

    public static bool Publishes(string storedType) => Table.ContainsKey(storedType);

    /// <summary>The integration event for a stored event, or null when that type is not published.</summary>
    public static ICaseIntegrationEvent? Map(StoredEventView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Table.TryGetValue(view.Stored.Type, out var map) ? map(view) : null;
    }
}
