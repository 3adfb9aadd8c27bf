using System.Data.Common;
using System.Globalization;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Storage;

namespace OrgRestructure.Messaging.Email;

/// <summary>A queued e-mail.</summary>
public sealed record OutgoingEmail(Guid Id, string Recipient, string Address, string Subject, string Body, int Attempts);

/// <summary>
/// E-mails wait in messaging_email_outbox: queued in the consumer's transaction, sent by
/// <see cref="EmailDispatcher"/>. A row is claimed for a while before sending so two nodes do not
/// send it twice; a failed send is retried after the claim lapses.
/// </summary>
public sealed class EmailOutbox(MessagingDatabase database, TimeProvider clock)
{
    internal static Task<int> EnqueueAsync(DbConnection connection, DbTransaction transaction, Guid id, Participant recipient, RenderedNotification note, DateTimeOffset now, CancellationToken cancellationToken) =>
        MessagingDatabase.ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO messaging_email_outbox (id, recipient, address, subject, body, created_ms, attempts, claimed_until_ms, sent_ms, last_error)
            VALUES (@id, @recipient, @address, @subject, @body, @now, 0, 0, NULL, NULL)
            ON CONFLICT (id) DO NOTHING
            """,
            cancellationToken,
            ("@id", id.ToString()),
            ("@recipient", recipient.UserId),
            ("@address", recipient.Email),
            ("@subject", note.Subject),
            ("@body", note.Body),
            ("@now", now.ToUnixTimeMilliseconds()));

    /// <summary>E-mails not sent yet, retries included (the outbox-depth gauge).</summary>
    public async Task<long> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt64(
            await MessagingDatabase.ScalarAsync(connection, null, "SELECT count(*) FROM messaging_email_outbox WHERE sent_ms IS NULL", cancellationToken),
            CultureInfo.InvariantCulture);
    }

    /// <summary>Claims up to <paramref name="max"/> unsent e-mails for <paramref name="claimFor"/>.</summary>
    public async Task<IReadOnlyList<OutgoingEmail>> ClaimAsync(int max, int maxAttempts, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var candidates = new List<OutgoingEmail>();
        await using (var command = MessagingDatabase.Command(
            connection,
            null,
            "SELECT id, recipient, address, subject, body, attempts FROM messaging_email_outbox WHERE sent_ms IS NULL AND claimed_until_ms < @now AND attempts < @max ORDER BY created_ms LIMIT @limit",
            ("@now", now),
            ("@max", maxAttempts),
            ("@limit", max)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new OutgoingEmail(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture)));
            }
        }

        var claimed = new List<OutgoingEmail>();
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var email in candidates)
        {
            var won = await MessagingDatabase.ExecuteAsync(
                write,
                "UPDATE messaging_email_outbox SET claimed_until_ms = @until, attempts = attempts + 1 WHERE id = @id AND sent_ms IS NULL AND claimed_until_ms < @now",
                cancellationToken,
                ("@until", now + (long)claimFor.TotalMilliseconds),
                ("@id", email.Id.ToString()),
                ("@now", now));
            if (won == 1)
            {
                claimed.Add(email);
            }
        }

        await write.CommitAsync(cancellationToken);
        return claimed;
    }

    public async Task MarkSentAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await MessagingDatabase.ExecuteAsync(write, "UPDATE messaging_email_outbox SET sent_ms = @now, last_error = NULL WHERE id = @id", cancellationToken, ("@now", clock.GetUtcNow().ToUnixTimeMilliseconds()), ("@id", id.ToString()));
        await write.CommitAsync(cancellationToken);
    }

    /// <summary>Gives claimed but unsent e-mails back (shutdown), so another node need not wait for the claim to lapse.</summary>
    public async Task ReleaseAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var id in ids)
        {
            await MessagingDatabase.ExecuteAsync(write, "UPDATE messaging_email_outbox SET claimed_until_ms = 0, attempts = attempts - 1 WHERE id = @id AND sent_ms IS NULL", cancellationToken, ("@id", id.ToString()));
        }

        await write.CommitAsync(cancellationToken);
    }

    /// <summary>Records the failure; the e-mail is tried again after <paramref name="retryAfter"/>.</summary>
    public async Task MarkFailedAsync(Guid id, string error, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await MessagingDatabase.ExecuteAsync(
            write,
            "UPDATE messaging_email_outbox SET last_error = @error, claimed_until_ms = @until WHERE id = @id",
            cancellationToken,
            ("@error", error),
            ("@until", clock.GetUtcNow().Add(retryAfter).ToUnixTimeMilliseconds()),
            ("@id", id.ToString()));
        await write.CommitAsync(cancellationToken);
    }

    /// <summary>Counts of e-mails by state: for tests, health and operators.</summary>
    public async Task<(int Pending, int Sent)> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var pending = await MessagingDatabase.ScalarAsync(connection, null, "SELECT COUNT(*) FROM messaging_email_outbox WHERE sent_ms IS NULL", cancellationToken);
        var sent = await MessagingDatabase.ScalarAsync(connection, null, "SELECT COUNT(*) FROM messaging_email_outbox WHERE sent_ms IS NOT NULL", cancellationToken);
        return (Convert.ToInt32(pending, CultureInfo.InvariantCulture), Convert.ToInt32(sent, CultureInfo.InvariantCulture));
    }
}
