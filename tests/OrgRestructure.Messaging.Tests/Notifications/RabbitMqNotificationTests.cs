using OrgRestructure.Messaging.Email;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Notifications;

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqNotificationTests
{
    [Fact]
    public async Task seven_step_case_on_rabbitmq_notifies_and_emails_each_recipient_once_across_a_relay_restart_and_failing_first_attempts()
    {
        var rabbit = await (await RabbitMqServer.GetAsync()).CreateVirtualHostAsync("seven");
        await using var smtp = await SmtpTestServer.StartAsync();
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        var faults = new FailFirstAttempt();
        void Configure(MessagingOptions o)
        {
            o.SqlitePath = store.Path;
            o.ConfigureNotificationEndpoint = faults.Configure;
            o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, PollInterval = TimeSpan.FromMilliseconds(200) };
        }

        await kase.LaunchAsync();
        await using (var first = await MessagingNode.StartAsync(store, rabbit, people, Configure))
        {
            await kase.RunNextStepAsync();
            await kase.RunNextStepAsync();
            await kase.RunNextStepAsync();
            await CaseNotifications.WaitForRelayAsync(store, () => first.Relay.Position);
        }

        await kase.RunNextStepAsync();
        await using var second = await MessagingNode.StartAsync(store, rabbit, people, Configure);
        while (!kase.Finished)
        {
            await kase.RunNextStepAsync();
        }

        await CaseNotifications.WaitForAsync(second, kase);
        await CaseNotifications.WaitForRelayAsync(store, () => second.Relay.Position);
        await Eventually.UntilAsync(() => smtp.Messages().Count >= kase.Expected.Count, "every e-mail received");
        CaseNotifications.AssertExactly(kase, await second.Feed.GetCaseNotificationsAsync(kase.CaseId));
        Assert.True(faults.Failures >= kase.Expected.Select(x => x.EventId).Distinct().Count());

        var mails = smtp.Messages();
        Assert.Equal(kase.Expected.Count, mails.Count);
        var expectedPerAddress = kase.Expected.GroupBy(x => x.Recipient).ToDictionary(g => $"{g.Key}@example.test", g => g.Count());
        Assert.Equal(expectedPerAddress.OrderBy(x => x.Key), mails.GroupBy(m => m.To.Trim('[', ']', '\'', ' ')).ToDictionary(g => g.Key, g => g.Count()).OrderBy(x => x.Key));
    }

    [Fact]
    public async Task email_reaches_a_real_smtp_server_with_a_vietnamese_subject_and_body_naming_case_and_step()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        await using var node = await MessagingNode.StartAsync(store, null, people, o =>
        {
            o.SqlitePath = store.Path;
            o.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, PollInterval = TimeSpan.FromMilliseconds(200) };
        });

        await kase.LaunchAsync();
        await kase.RunNextStepAsync();
        await kase.RunNextStepAsync();
        await Eventually.UntilAsync(() => smtp.Messages().Count >= kase.Expected.Count, "e-mails of steps 1–2");

        var mails = smtp.Messages();
        var invitation = Assert.Single(mails, m => m.To.Contains(kase.Person("m1"), StringComparison.Ordinal) && m.Subject.Contains("Thông báo", StringComparison.Ordinal));
        Assert.DoesNotContain(kase.CaseId, invitation.Subject, StringComparison.Ordinal);
        Assert.Contains("bước 2: Lấy phiếu tín nhiệm của đảng viên", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains("Kính gửi đồng chí", invitation.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(kase.CaseId, invitation.Body, StringComparison.Ordinal);
        Assert.Contains("Duy Xuyên", invitation.Body, StringComparison.Ordinal);
        Assert.Contains("Giấy mời hội nghị lấy phiếu tín nhiệm", invitation.Body, StringComparison.Ordinal);
        var task = Assert.Single(mails, m => m.To.Contains(kase.Person("sc1"), StringComparison.Ordinal));
        Assert.Contains("Nhiệm vụ mới ở bước 1: Xây dựng tiêu chuẩn, cơ cấu và danh sách nhân sự", task.Subject, StringComparison.Ordinal);
        Assert.Contains("Duy Xuyên", task.Body, StringComparison.Ordinal);
        var english = Assert.Single(mails, m => m.To.Contains(kase.Person("a2"), StringComparison.Ordinal));
        Assert.Contains("Notice for step 2: Members' confidence vote", english.Subject, StringComparison.Ordinal);
        Assert.Contains("Invitation to the confidence-vote conference", english.Body, StringComparison.Ordinal);
    }
}
