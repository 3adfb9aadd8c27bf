using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrgRestructure.Messaging.Email;

/// <summary>
/// Sends queued e-mails; a refused or failed delivery is recorded with the server's reason and
/// retried with back-off until <see cref="SmtpOptions.MaxAttempts"/>.
/// </summary>
public sealed partial class EmailDispatcher(EmailOutbox outbox, SmtpEmailSender sender, EmailSignal signal, MessagingOptions options, ILogger<EmailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = options.Smtp!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A claim is committed row by row: cancelling half-way would leave rows claimed by a
                // node that is going away, unsendable until the lease ends. So the claim always
                // completes, and whatever is not sent is released below.
                var batch = await outbox.ClaimAsync(10, smtp.MaxAttempts, TimeSpan.FromMinutes(2), CancellationToken.None);
                var unsent = batch.Select(e => e.Id).ToHashSet();
                foreach (var email in batch)
                {
                    if (stoppingToken.IsCancellationRequested)
                    {
                        await outbox.ReleaseAsync(unsent, CancellationToken.None);
                        return;
                    }

                    try
                    {
                        // Not cancelled by shutdown: a send cut off after the server took the data
                        // would be released and sent again by the next node. It is bounded by
                        // SmtpOptions.Timeout, and shutdown is checked before each e-mail.
                        await sender.SendAsync(email, CancellationToken.None);
                        await outbox.MarkSentAsync(email.Id, CancellationToken.None);
                        MessagingMetrics.EmailSent();
                        unsent.Remove(email.Id);
                    }
                    catch (EmailDeliveryException ex)
                    {
                        unsent.Remove(email.Id);
                        LogSendFailed(logger, ex, email.Id, email.Attempts + 1, ex.Permanent, ex.Message);

                        // A refusal for good (5xx, bad login) waits the longest back-off: an operator has to fix the address or the settings.
                        var retryAfter = TimeSpan.FromSeconds(ex.Permanent ? MaxRetrySeconds : Math.Min(MaxRetrySeconds, Math.Pow(2, email.Attempts + 1)));
                        await outbox.MarkFailedAsync(email.Id, ex.Message, retryAfter, CancellationToken.None);
                    }
                }

                if (batch.Count == 0)
                {
                    await signal.WaitAsync(smtp.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The database may be briefly unavailable; keep the dispatcher alive.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogDispatchFailed(logger, ex);
                await Task.Delay(smtp.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private const double MaxRetrySeconds = 300;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending e-mail {EmailId} failed (attempt {Attempt}, permanent {Permanent}): {Reason}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid emailId, int attempt, bool permanent, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail dispatch round failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
