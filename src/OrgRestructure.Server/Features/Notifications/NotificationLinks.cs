using OrgRestructure.Messaging.Notifications;

namespace OrgRestructure.Server.Features.Notifications;

/// <summary>Where a notice takes its reader: the task's own page when it is about a task, else the case's.</summary>
public static class NotificationLinks
{
    /// <summary>/cases/{case}/tasks/{task} (the task page, Features/Tasks) or /cases/{case}.</summary>
    public static string Of(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return NoticeLink.PathOf(item.CaseId, item.TaskId);
    }

    public static FeedItem WithLink(FeedItem item) => item with { Link = Of(item) };
}
