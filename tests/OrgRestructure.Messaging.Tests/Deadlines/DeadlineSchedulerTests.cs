using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Messaging.Tests.Deadlines;

public sealed class DeadlineSchedulerTests
{
    [Fact]
    public async Task scheduler_fires_the_engines_due_timers_and_the_task_role_hears_the_deadline_approach_and_pass()
    {
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var clock = new ManualClock(new DateTimeOffset(2014, 9, 1, 1, 0, 0, TimeSpan.Zero));
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people, clock);
        await kase.LaunchAsync();
        var slate = (await kase.Engine.GetCaseAsync(kase.CaseId)).OpenTasks.Single(t => t.StepId == "slate");
        await using var node = await MessagingNode.StartAsync(
            store,
            null,
            people,
            o =>
            {
                o.SqlitePath = store.Path;
                o.DeadlineCheckInterval = TimeSpan.FromMilliseconds(100);
            },
            services => services.AddSingleton<TimeProvider>(clock).AddSingleton(kase.Engine));

        clock.Now = slate.RemindAt!.Value.AddMinutes(1);
        await Eventually.UntilAsync(async () => (await node.Feed.GetFeedAsync(kase.Person("sc1"))).Any(i => i.Kind == "deadline-approaching"), "reminder for the slate task");
        clock.Now = slate.DueAt!.Value.AddMinutes(1);
        await Eventually.UntilAsync(async () => (await node.Feed.GetFeedAsync(kase.Person("sc1"))).Any(i => i.Kind == "deadline-missed"), "overdue notice for the slate task");

        var feed = await node.Feed.GetFeedAsync(kase.Person("sc2"));
        var missed = Assert.Single(feed, i => i.Kind == "deadline-missed");
        Assert.Single(feed, i => i.Kind == "deadline-approaching");
        Assert.Contains("Quá hạn bước 1: Xây dựng tiêu chuẩn, cơ cấu và danh sách nhân sự", missed.Subject, StringComparison.Ordinal);
        Assert.Equal(1, missed.Step);
    }
}
