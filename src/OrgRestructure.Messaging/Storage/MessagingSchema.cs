namespace OrgRestructure.Messaging.Storage;

/// <summary>Tables of the messaging side, valid SQL for both SQLite and PostgreSQL.</summary>
internal static class MessagingSchema
{
    public static readonly IReadOnlyList<string> Statements =
    [
        """
        CREATE TABLE IF NOT EXISTS messaging_checkpoints (
            name TEXT PRIMARY KEY,
            position BIGINT NOT NULL,
            updated_ms BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS messaging_processed (
            consumer TEXT NOT NULL,
            message_id TEXT NOT NULL,
            processed_ms BIGINT NOT NULL,
            PRIMARY KEY (consumer, message_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS messaging_feed (
            id TEXT PRIMARY KEY,
            recipient TEXT NOT NULL,
            source_event_id TEXT NOT NULL,
            case_id TEXT NOT NULL,
            district TEXT NOT NULL,
            step INTEGER NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            read_ms BIGINT NULL,
            task_id TEXT NULL,
            UNIQUE (recipient, source_event_id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_messaging_feed_recipient ON messaging_feed (recipient, created_ms)",
        "CREATE INDEX IF NOT EXISTS ix_messaging_feed_source ON messaging_feed (source_event_id)",
        """
        CREATE TABLE IF NOT EXISTS messaging_email_outbox (
            id TEXT PRIMARY KEY,
            recipient TEXT NOT NULL,
            address TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            created_ms BIGINT NOT NULL,
            attempts INTEGER NOT NULL,
            claimed_until_ms BIGINT NOT NULL,
            sent_ms BIGINT NULL,
            last_error TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_messaging_email_pending ON messaging_email_outbox (sent_ms, claimed_until_ms)",
    ];

    /// <summary>
    /// Columns added after a table was first shipped: a database created before them gets them on
    /// start (nullable, so its existing rows stay as they were: a feed entry without a task links to its case).
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Type)> AddedColumns =
    [
        ("messaging_feed", "task_id", "TEXT NULL"),
    ];
}
