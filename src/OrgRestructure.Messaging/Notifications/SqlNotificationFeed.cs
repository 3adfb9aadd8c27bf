using System.Data.Common;
using System.Globalization;
using OrgRestructure.Messaging.Storage;

namespace OrgRestructure.Messaging.Notifications;

/// <summary>The feed in the messaging_feed table (SQLite or PostgreSQL).</summary>
public sealed class SqlNotificationFeed(MessagingDatabase database, TimeProvider? clock = null) : INotificationFeed
{
    private const string Columns = "id, recipient, source_event_id, case_id, district, step, kind, subject, body, created_ms, read_ms, task_id";
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<IReadOnlyList<FeedItem>> GetFeedAsync(string userId, bool unreadOnly = false, int limit = 100, CancellationToken cancellationToken = default)
    {
        var sql = $"SELECT {Columns} FROM messaging_feed WHERE recipient = @user"
            + (unreadOnly ? " AND read_ms IS NULL" : string.Empty)
            + " ORDER BY created_ms DESC, id LIMIT @limit";
        return await QueryAsync(sql, cancellationToken, ("@user", userId), ("@limit", limit));
    }

    public async Task<IReadOnlyList<FeedItem>> GetCaseNotificationsAsync(string caseId, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Columns} FROM messaging_feed WHERE case_id = @case ORDER BY created_ms, recipient", cancellationToken, ("@case", caseId));

    public async Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var value = await MessagingDatabase.ScalarAsync(connection, null, "SELECT COUNT(*) FROM messaging_feed WHERE recipient = @user AND read_ms IS NULL", cancellationToken, ("@user", userId));
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    public async Task<bool> MarkReadAsync(string userId, Guid itemId, CancellationToken cancellationToken = default)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var changed = await MessagingDatabase.ExecuteAsync(
            write,
            "UPDATE messaging_feed SET read_ms = COALESCE(read_ms, @now) WHERE id = @id AND recipient = @user",
            cancellationToken,
            ("@now", _clock.GetUtcNow().ToUnixTimeMilliseconds()),
            ("@id", itemId.ToString()),
            ("@user", userId));
        await write.CommitAsync(cancellationToken);
        return changed == 1;
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var changed = await MessagingDatabase.ExecuteAsync(
            write,
            "UPDATE messaging_feed SET read_ms = @now WHERE recipient = @user AND read_ms IS NULL",
            cancellationToken,
            ("@now", _clock.GetUtcNow().ToUnixTimeMilliseconds()),
            ("@user", userId));
        await write.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>The entries one event produced, read inside the caller's transaction (the consumer republishes what it told).</summary>
    internal static Task<IReadOnlyList<FeedItem>> ForSourceEventAsync(DbConnection connection, DbTransaction transaction, Guid sourceEventId, CancellationToken cancellationToken) =>
        ReadAllAsync(connection, transaction, $"SELECT {Columns} FROM messaging_feed WHERE source_event_id = @source ORDER BY recipient", cancellationToken, ("@source", sourceEventId.ToString()));

    private async Task<IReadOnlyList<FeedItem>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAllAsync(connection, null, sql, cancellationToken, parameters);
    }

    private static async Task<IReadOnlyList<FeedItem>> ReadAllAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = MessagingDatabase.Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<FeedItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    private static FeedItem Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)),
        r.GetString(1),
        Guid.Parse(r.GetString(2)),
        r.GetString(3),
        r.GetString(4),
        r.IsDBNull(5) ? null : Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture),
        r.GetString(6),
        r.GetString(7),
        r.GetString(8),
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(9), CultureInfo.InvariantCulture)),
        r.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(10), CultureInfo.InvariantCulture)),
        r.IsDBNull(11) ? null : r.GetString(11));
}
