using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Messaging.Tests.Notifications;

public sealed class ReassignmentTests
{
    [Fact]
    public async Task a_reassigned_task_notifies_its_new_assignee_naming_the_step_even_when_the_relay_restarted_after_the_task_was_created()
    {
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        await kase.LaunchAsync();
        await using (var first = await MessagingNode.StartAsync(store, null, people, o => o.SqlitePath = store.Path))
        {
            await CaseNotifications.WaitForRelayAsync(store, () => first.Relay.Position);
        }

        var task = (await kase.Engine.ListOpenTasksAsync(new TaskQuery(CaseId: kase.CaseId))).Single();
        var newcomer = kase.Person("ob2");
        people.Add(new Participant(newcomer, "Đồng chí OB2", null));
        await kase.Engine.ReassignTaskAsync(kase.CaseId, task.Id, newcomer, null, "Đồng chí phụ trách đi công tác", new Actor(kase.Person("sc1"), "district-standing-committee"));
        var reassigned = (await store.ReadStreamAsync(kase.StreamId, OrgRestructure.EventStore.Streams.StreamRange.All))[^1];
        Assert.Equal("task-reassigned", reassigned.Type);

        // A fresh node: its relay has never seen the task-created event.
        await using var second = await MessagingNode.StartAsync(store, null, people, o => o.SqlitePath = store.Path);
        FeedItem? item = null;
        await Eventually.UntilAsync(
            async () => (item = (await second.Feed.GetCaseNotificationsAsync(kase.CaseId)).SingleOrDefault(i => i.SourceEventId == reassigned.EventId)) is not null,
            "the new assignee's notification of the reassignment");

        Assert.Equal(newcomer, item!.Recipient);
        Assert.Equal(1, item.Step);
        Assert.Contains(await second.Feed.GetFeedAsync(newcomer), f => f.SourceEventId == reassigned.EventId);
    }
}
