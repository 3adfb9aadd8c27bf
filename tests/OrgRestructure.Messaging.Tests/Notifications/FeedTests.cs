using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;

namespace OrgRestructure.Messaging.Tests.Notifications;

public sealed class FeedTests
{
    [Fact]
    public async Task feed_lists_a_users_notifications_newest_first_and_tracks_what_was_read()
    {
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        await using var node = await MessagingNode.StartAsync(store, null, people, o => o.SqlitePath = store.Path);
        await kase.LaunchAsync();
        await kase.RunNextStepAsync();
        await kase.RunNextStepAsync();
        await CaseNotifications.WaitForAsync(node.Feed, kase);

        var user = kase.Person("ob1");
        var feed = await node.Feed.GetFeedAsync(user);
        Assert.Equal(kase.Expected.Count(x => x.Recipient == user), feed.Count);
        Assert.True(feed.Count >= 2);
        Assert.Equal(feed.OrderByDescending(i => i.CreatedAt).Select(i => i.CreatedAt), feed.Select(i => i.CreatedAt));
        Assert.Equal(feed.Count, await node.Feed.CountUnreadAsync(user));

        Assert.True(await node.Feed.MarkReadAsync(user, feed[0].Id));
        Assert.False(await node.Feed.MarkReadAsync(kase.Person("m1"), feed[1].Id));
        Assert.Equal(feed.Count - 1, await node.Feed.CountUnreadAsync(user));
        Assert.DoesNotContain(await node.Feed.GetFeedAsync(user, unreadOnly: true), i => i.Id == feed[0].Id);

        Assert.Equal(feed.Count - 1, await node.Feed.MarkAllReadAsync(user));
        Assert.Equal(0, await node.Feed.CountUnreadAsync(user));
        Assert.All(await node.Feed.GetFeedAsync(user), i => Assert.True(i.IsRead));
    }
}
