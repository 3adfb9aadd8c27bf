using System.Globalization;
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
        public const string BranchCompleted = "branch-completed";
        public const string NotificationRequested = "notification-requested";
        public const string DeadlineApproaching = "deadline-approaching";
        public const string DeadlineMissed = "deadline-missed";
        public const string CaseCompleted = "case-completed";
        public const string CaseCancelled = "case-cancelled";
    }

    private static readonly Dictionary<string, Func<StoredEventView, ICaseIntegrationEvent?>> Table = new(StringComparer.Ordinal)
    {
        [Types.CaseStarted] = e => new CaseLaunched(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("title", "name") ?? e.Facts.Title, e.Text("definitionId", "definition"), e.Text("startedBy") ?? e.Stored.Actor, Wording: e.Wording),
        [Types.StepStarted] = e => new StepStarted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, e.List("recipients", "participants"), e.Text("scope", "branchId"), e.StepAudience, e.Wording),
        [Types.TaskCreated] = e => new TaskAssigned(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId", "id") ?? e.Stored.EventId.ToString(), e.Text("title", "taskTitle", "name"), e.Text("assignee", "assignedTo"), e.List("assigneeRole", "candidateGroups", "candidateGroup", "groups"), e.Text("scope"), e.Time("dueAt", "due", "dueDate"), NoticeSubstance.OfTask(e).Vi, NoticeSubstance.OfTask(e).En, ReturnNotice(e), e.Nested("title", "en"), e.Wording),
        // Handing a task to someone (or another role) assigns it anew: the new assignee must hear of it.
        [Types.TaskReassigned] = e => new TaskAssigned(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId") ?? string.Empty, e.Text("taskId") is { } task ? e.Facts.TitleOfTask(task) : null, e.Text("toAssignee"), e.List("toRole"), TaskScope(e), null, TaskTitleEn: e.Text("taskId") is { } taskEn ? e.Facts.TitleEnOfTask(taskEn) : null, Wording: e.Wording),
        [Types.TaskCompleted] = e => new TaskCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId", "id") ?? string.Empty, e.Text("completedBy", "by") ?? e.Stored.Actor, e.Text("outcome", "result"), Wording: e.Wording),
        [Types.StepCompleted] = e => new StepCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, e.Text("outcome", "explanation", "result"), Wording: e.Wording),
        [Types.NotificationRequested] = e => new NotificationRequested(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("kind", "template", "reason") ?? "notice", e.Text("message", "text") ?? NoticeSubstance.OfNotification(e).Vi, e.Text("message", "text") is null ? NoticeSubstance.OfNotification(e).En : null, e.List("recipients", "recipient", "users"), e.List("recipientRoles", "recipientGroups", "groups"), e.Text("scope"), Wording: e.Wording),
        // A committee formed (a ForEach branch completed): its progress, to whom the ForEach's notice names.
        [Types.BranchCompleted] = e => e.Progress is { } p ? ProgressNotice(e, p) : null,
        [Types.DeadlineApproaching] = e => new DeadlineApproaching(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId"), e.Time("dueAt", "due", "dueDate"), e.List("recipients", "assignee"), TaskRoles(e), TaskScope(e), Wording: e.Wording),
        [Types.DeadlineMissed] = e => new DeadlineMissed(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Text("taskId"), e.Time("dueAt", "due", "dueDate"), e.List("recipients", "assignee"), [.. TaskRoles(e), .. e.List("escalatedTo")], TaskScope(e), Wording: e.Wording),
        [Types.CaseCompleted] = e => new CaseCompleted(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, Wording: e.Wording),
        [Types.CaseCancelled] = e => new CaseCancelled(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, e.Step, e.StepName, e.Stored.CorrelationId, e.Stored.Timestamp, e.Facts.Title, e.Text("reason", "comment"), Wording: e.Wording),
    };

    private static NotificationRequested ProgressNotice(StoredEventView e, BranchProgress p)
    {
        string Fill(string text) => text
            .Replace("{district}", e.District, StringComparison.Ordinal)
            .Replace("{name}", p.Label ?? string.Empty, StringComparison.Ordinal)
            .Replace("{done}", p.Done.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{total}", p.Total.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (vi, en) = (Fill(p.Notice.Text.Vi), Fill(p.Notice.Text.En));
        return new NotificationRequested(e.Stored.EventId, e.Stored.GlobalPosition, e.CaseId, e.District, p.ForEach.Number, p.ForEach.Id, e.Stored.CorrelationId, e.Stored.Timestamp, "progress", vi, en, [], p.Notice.Notify, null, vi, en, e.Facts.WordingOf(p.ForEach));
    }

    private static StepReturnNotice? ReturnNotice(StoredEventView e) =>
        e.At("context", "returned", "reason") is { } reason
            ? new StepReturnNotice(e.At("context", "returned", "by") ?? string.Empty, reason, e.At("context", "returned", "explanation", "vi") ?? reason, e.At("context", "returned", "explanation", "en") ?? reason)
            : null;

    private static IReadOnlyList<string> TaskRoles(StoredEventView e) =>
        e.Text("taskId") is { } task && e.Facts.AssigneeOfTask(task).Role is { } role ? [role] : [];

    private static string? TaskScope(StoredEventView e) => e.Text("taskId") is { } task ? e.Facts.AssigneeOfTask(task).Scope : null;

    public static bool Publishes(string storedType) => Table.ContainsKey(storedType);

    /// <summary>The integration event for a stored event, or null when it is not published (its type is not, or a branch's ForEach tells no one).</summary>
    public static ICaseIntegrationEvent? Map(StoredEventView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Table.TryGetValue(view.Stored.Type, out var map) ? map(view) : null;
    }
}
