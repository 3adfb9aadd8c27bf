using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Contracts;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Notifications;

/// <summary>ParticipantNotified goes with the consumer's outcome: a publish that fails after the feed commit is published again.</summary>
public sealed class ParticipantNotifiedTests
{
    [Fact]
    public async Task participant_notified_whose_publish_fails_after_the_feed_commit_still_reaches_subscribers_for_every_feed_entry()
    {
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var people = new InMemoryParticipantDirectory();
        var kase = new SevenStepCase(store, people);
        var failure = new FailFirstPublish();
        await using var node = await MessagingNode.StartAsync(store, null, people, o =>
        {
            o.SqlitePath = store.Path;
            o.ConfigureNotificationEndpoint = e => e.ConfigurePublish(p => p.UseFilter(failure));
        });
        var received = new ConcurrentBag<(Guid? MessageId, ParticipantNotified Message)>();
        var handle = node.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("participant-notified-" + Guid.NewGuid().ToString("N")[..8], e =>
            e.Handler<ParticipantNotified>(c =>
            {
                received.Add((c.MessageId, c.Message));
                return Task.CompletedTask;
            }));
        await handle.Ready;

        await kase.LaunchAsync();
        await kase.RunNextStepAsync();
        var feed = await CaseNotifications.WaitForAsync(node.Feed, kase);
        var expected = feed.Select(i => (i.Recipient, i.SourceEventId)).ToHashSet();
        await Eventually.UntilAsync(
            () => Task.FromResult(expected.IsSubsetOf(received.Where(r => r.Message.CaseId == kase.CaseId).Select(r => (r.Message.Recipient, r.Message.SourceEventId)))),
            () => $"a ParticipantNotified for each of {expected.Count} feed entries (have {received.Count}; failed publishes {failure.Failures})");

        Assert.Equal(1, failure.Failures);
        var ofCase = received.Where(r => r.Message.CaseId == kase.CaseId).ToList();
        Assert.All(ofCase, r => Assert.Equal(NotificationConsumer.FeedItemId(r.Message.SourceEventId, r.Message.Recipient), r.MessageId));
        Assert.Equal(expected.Count, ofCase.Select(r => r.MessageId).Distinct().Count());
    }

    /// <summary>Fails the first ParticipantNotified publish: the feed is already committed by then.</summary>
    private sealed class FailFirstPublish : IFilter<PublishContext>
    {
        private int _failures;

        public int Failures => Volatile.Read(ref _failures);

        public Task Send(PublishContext context, IPipe<PublishContext> next)
        {
            if (context is PublishContext<ParticipantNotified> && Interlocked.CompareExchange(ref _failures, 1, 0) == 0)
            {
                throw new TimeoutException("Broker did not confirm the ParticipantNotified publish");
            }

            return next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("fail-first-participant-notified");
    }
}
