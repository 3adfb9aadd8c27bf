namespace OrgRestructure.Messaging.Notifications;

/// <summary>One entry of a user's in-app notification feed; <see cref="TaskId"/> is the task it is about, when it is about one.</summary>
public sealed record FeedItem(
    Guid Id,
    string Recipient,
    Guid SourceEventId,
    string CaseId,
    string District,
    int? Step,
    string Kind,
    string Subject,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    string? TaskId = null)
{
    public bool IsRead => ReadAt is not null;

    /// <summary>The page to open for it, as the host routes it (the task's page, else the case's); the feed itself leaves it unset.</summary>
    public string? Link { get; init; }
}

/// <summary>The in-app feed per user (newest first), with unread/read state.</summary>
public interface INotificationFeed
{
    Task<IReadOnlyList<FeedItem>> GetFeedAsync(string userId, bool unreadOnly = false, int limit = 100, CancellationToken cancellationToken = default);

    Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Marks one entry read; false when it does not exist or belongs to someone else.</summary>
    Task<bool> MarkReadAsync(string userId, Guid itemId, CancellationToken cancellationToken = default);

    /// <summary>Marks all of the user's entries read; returns how many changed.</summary>
    Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Every entry about one case (all recipients), oldest first: for the case timeline and audits.</summary>
    Task<IReadOnlyList<FeedItem>> GetCaseNotificationsAsync(string caseId, CancellationToken cancellationToken = default);
}
