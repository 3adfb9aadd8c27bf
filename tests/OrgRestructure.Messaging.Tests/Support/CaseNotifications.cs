using OrgRestructure.EventStore.Streams;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Support;

internal static class CaseNotifications
{
    /// <summary>Waits until the feed holds as many entries for the case as it expects, then returns them.</summary>
    public static async Task<IReadOnlyList<FeedItem>> WaitForAsync(MessagingNode node, SevenStepCase kase, TimeSpan? limit = null)
    {
        IReadOnlyList<FeedItem> items = [];
        await Eventually.UntilAsync(
            async () => (items = await node.Feed.GetCaseNotificationsAsync(kase.CaseId)).Count >= kase.Expected.Count,
            () => $"{kase.Expected.Count} notifications for {kase.CaseId} (have {items.Count}; {node.Describe()})",
            limit);
        return items;
    }

    public static async Task<IReadOnlyList<FeedItem>> WaitForAsync(INotificationFeed feed, SevenStepCase kase, TimeSpan? limit = null)
    {
        IReadOnlyList<FeedItem> items = [];
        await Eventually.UntilAsync(
            async () => (items = await feed.GetCaseNotificationsAsync(kase.CaseId)).Count >= kase.Expected.Count,
            $"{kase.Expected.Count} notifications for {kase.CaseId}",
            limit);
        return items;
    }

    /// <summary>The relay has published everything in the log so far.</summary>
    public static async Task WaitForRelayAsync(IEventStore store, Func<long> position)
    {
        var all = await store.ReadAllAsync(0, int.MaxValue);
        var last = all.Count == 0 ? 0 : all[^1].GlobalPosition;
        await Eventually.UntilAsync(() => position() >= last, $"relay at position {last}");
    }

    public static void AssertExactly(SevenStepCase kase, IReadOnlyList<FeedItem> items)
    {
        var expected = kase.Expected.OrderBy(x => x.Recipient, StringComparer.Ordinal).ThenBy(x => x.EventId).ToList();
        var actual = items.Select(i => (i.Recipient, EventId: i.SourceEventId)).OrderBy(x => x.Recipient, StringComparer.Ordinal).ThenBy(x => x.EventId).ToList();
        Assert.Equal(expected, actual);
    }
}
