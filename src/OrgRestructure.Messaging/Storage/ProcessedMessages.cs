using System.Data.Common;

namespace OrgRestructure.Messaging.Storage;

/// <summary>
/// The dedupe table of idempotent consumers, keyed by (consumer, message id). Record the id in the
/// same transaction as the consumer's effect: a redelivered message then finds its row and does nothing.
/// </summary>
public static class ProcessedMessages
{
    /// <summary>True when this is the first time; false when the consumer already handled the message.</summary>
    public static async Task<bool> TryRecordAsync(DbConnection connection, DbTransaction transaction, string consumer, Guid messageId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var inserted = await MessagingDatabase.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO messaging_processed (consumer, message_id, processed_ms) VALUES (@consumer, @id, @now) ON CONFLICT (consumer, message_id) DO NOTHING",
            cancellationToken,
            ("@consumer", consumer),
            ("@id", messageId.ToString()),
            ("@now", now.ToUnixTimeMilliseconds()));
        return inserted == 1;
    }
}
