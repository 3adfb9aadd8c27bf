using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;

namespace OrgRestructure.Messaging.Tests.Notifications;

/// <summary>The embedded default: SQLite file and MassTransit's in-memory transport.</summary>
public sealed class InMemoryTransportTests
{
    [Fact]
    public async Task in_memory_transport_delivers_each_notification_of_a_seven_step_case_once_per_recipient()
    {
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        var faults = new FailFirstAttempt();
        await using var node = await MessagingNode.StartAsync(store, null, people, o =>
        {
            o.SqlitePath = store.Path;
            o.ConfigureNotificationEndpoint = faults.Configure;
        });

        await kase.RunToEndAsync();

        var items = await CaseNotifications.WaitForAsync(node.Feed, kase);
        await CaseNotifications.WaitForRelayAsync(store, () => node.Relay.Position);
        CaseNotifications.AssertExactly(kase, await node.Feed.GetCaseNotificationsAsync(kase.CaseId));
        Assert.True(faults.Failures >= kase.Expected.Select(x => x.EventId).Distinct().Count());
        Assert.NotEmpty(items);
    }

    [Fact]
    public async Task relay_restarted_mid_case_resumes_from_its_durable_checkpoint_without_repeating_notifications()
    {
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        await kase.LaunchAsync();
        await kase.RunNextStepAsync();
        await kase.RunNextStepAsync();

        await using (var first = await MessagingNode.StartAsync(store, null, people, o => o.SqlitePath = store.Path))
        {
            await CaseNotifications.WaitForAsync(first.Feed, kase);
            await CaseNotifications.WaitForRelayAsync(store, () => first.Relay.Position);
        }

        // Commands commit while no relay runs; the next node picks up after the checkpoint.
        await kase.RunNextStepAsync();
        await kase.RunNextStepAsync();
        await using var second = await MessagingNode.StartAsync(store, null, people, o => o.SqlitePath = store.Path);
        while (!kase.Finished)
        {
            await kase.RunNextStepAsync();
        }

        await CaseNotifications.WaitForAsync(second.Feed, kase);
        await CaseNotifications.WaitForRelayAsync(store, () => second.Relay.Position);
        CaseNotifications.AssertExactly(kase, await second.Feed.GetCaseNotificationsAsync(kase.CaseId));
    }
}
