using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Logging;
using OrgRestructure.Contracts;
using OrgRestructure.Messaging.Email;
using OrgRestructure.Messaging.Storage;

namespace OrgRestructure.Messaging.Notifications;

/// <summary>
/// Tells every participant an event concerns: one feed entry (and one queued e-mail, when SMTP is
/// configured and the participant has an address) per recipient, written in one transaction with
/// the dedupe row, so redelivery or a republish from the relay never notifies twice.
/// </summary>
public sealed partial class NotificationConsumer(
    MessagingDatabase database,
    RecipientResolver resolver,
    MessagingOptions options,
    EmailSignal emailSignal,
    TimeProvider clock,
    ILogger<NotificationConsumer> logger) :
    IConsumer<StepStarted>,
    IConsumer<TaskAssigned>,
    IConsumer<NotificationRequested>,
    IConsumer<DeadlineApproaching>,
    IConsumer<DeadlineMissed>
{
    public const string ConsumerName = "notifications";

    public Task Consume(ConsumeContext<StepStarted> context) => HandleAsync(context, context.Message);

    public Task Consume(ConsumeContext<TaskAssigned> context) => HandleAsync(context, context.Message);

    public Task Consume(ConsumeContext<NotificationRequested> context) => HandleAsync(context, context.Message);

    public Task Consume(ConsumeContext<DeadlineApproaching> context) => HandleAsync(context, context.Message);

    public Task Consume(ConsumeContext<DeadlineMissed> context) => HandleAsync(context, context.Message);

    /// <summary>Feed entry id for one recipient of one event: the same on every delivery attempt.</summary>
    public static Guid FeedItemId(Guid sourceEventId, string recipient) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceEventId:N}/{recipient}")).AsSpan(0, 16));

    private async Task HandleAsync(ConsumeContext context, ICaseIntegrationEvent e)
    {
        System.Diagnostics.Activity.Current?.SetTag(MessagingMetrics.CaseIdTag, e.CaseId);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["CaseId"] = e.CaseId,
            ["Step"] = e.Step,
            ["CorrelationId"] = e.CorrelationId,
        });
        var messageId = context.MessageId ?? e.SourceEventId;
        var recipients = await resolver.ResolveAsync(e, context.CancellationToken);
        var now = clock.GetUtcNow();

        await using var write = await database.BeginWriteAsync(context.CancellationToken);
        var (connection, transaction) = (write.Connection, write.Transaction);
        if (!await ProcessedMessages.TryRecordAsync(connection, transaction, ConsumerName, messageId, now, context.CancellationToken))
        {
            // An earlier attempt committed, but its ParticipantNotified may never have left: a publish
            // that failed after the commit (then this is the retry) or a crash before it. Publishing
            // again from the committed feed makes them at-least-once; their message ids are stable.
            var told = await SqlNotificationFeed.ForSourceEventAsync(connection, transaction, e.SourceEventId, context.CancellationToken);
            await transaction.RollbackAsync(context.CancellationToken);
            await write.DisposeAsync();
            LogDuplicate(logger, messageId, told.Count);
            foreach (var item in told)
            {
                await PublishNotifiedAsync(context, e, item.Recipient, item.Kind, item.Subject, item.CreatedAt);
            }

            return;
        }

        var written = new List<(Participant Recipient, RenderedNotification Note)>();
        foreach (var recipient in recipients)
        {
            var note = NotificationTemplates.Render(e, recipient);
            var inserted = await MessagingDatabase.ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO messaging_feed (id, recipient, source_event_id, case_id, district, step, kind, subject, body, created_ms, read_ms, task_id)
                VALUES (@id, @recipient, @source, @case, @district, @step, @kind, @subject, @body, @now, NULL, @task)
                ON CONFLICT (recipient, source_event_id) DO NOTHING
                """,
                context.CancellationToken,
                ("@id", FeedItemId(e.SourceEventId, recipient.UserId).ToString()),
                ("@recipient", recipient.UserId),
                ("@source", e.SourceEventId.ToString()),
                ("@case", e.CaseId),
                ("@district", e.District),
                ("@step", e.Step),
                ("@kind", note.Kind),
                ("@subject", note.Subject),
                ("@body", note.Body),
                ("@now", now.ToUnixTimeMilliseconds()),
                ("@task", TaskOf(e)));
            if (inserted == 0)
            {
                continue;
            }

            written.Add((recipient, note));
            if (options.Smtp is not null && !string.IsNullOrWhiteSpace(recipient.Email))
            {
                var mail = note with { Body = note.Body + NoticeLink.EmailLine(options.PublicBaseUrl, e.CaseId, TaskOf(e), recipient.Language) };
                await EmailOutbox.EnqueueAsync(connection, transaction, FeedItemId(e.SourceEventId, recipient.UserId), recipient, mail, now, context.CancellationToken);
            }
        }

        await transaction.CommitAsync(context.CancellationToken);
        // The next writer need not wait for the publishes below.
        await write.DisposeAsync();
        LogNotified(logger, written.Count, e.GetType().Name, messageId);
        MessagingMetrics.NotificationsSent(written.Count, e.GetType().Name);
        if (written.Count > 0)
        {
            emailSignal.Notify();
            foreach (var (recipient, note) in written)
            {
                await PublishNotifiedAsync(context, e, recipient.UserId, note.Kind, note.Subject, now);
            }
        }
    }

    /// <summary>The task a notice is about (a new or returned task, its deadline): the feed links to it rather than to the case.</summary>
    private static string? TaskOf(ICaseIntegrationEvent e) => e switch
    {
        TaskAssigned t when !string.IsNullOrEmpty(t.TaskId) => t.TaskId,
        DeadlineApproaching d => d.TaskId,
        DeadlineMissed d => d.TaskId,
        _ => null,
    };

    /// <summary>
    /// Publishes through the consume context, so a failure fails this delivery and the retry (or the
    /// redelivery after a crash) publishes again; the message id is the feed entry's, for subscribers to dedupe.
    /// </summary>
    private static Task PublishNotifiedAsync(ConsumeContext context, ICaseIntegrationEvent e, string recipient, string kind, string subject, DateTimeOffset at) =>
        context.Publish(
            new ParticipantNotified(e.SourceEventId, e.SourcePosition, e.CaseId, e.District, e.Step, e.StepName, e.CorrelationId, at, recipient, kind, subject),
            publish => publish.MessageId = FeedItemId(e.SourceEventId, recipient),
            context.CancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} already handled; its {Count} ParticipantNotified published again")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notified {Count} participants of {EventType} ({MessageId})")]
    private static partial void LogNotified(ILogger logger, int count, string eventType, Guid messageId);
}
