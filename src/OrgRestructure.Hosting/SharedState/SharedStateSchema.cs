namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// Tables of what every node must agree on, in the event store's database (valid SQL for SQLite and
/// PostgreSQL). Each uniqueness is a key of its table, so two nodes can never both win.
/// </summary>
internal static class SharedStateSchema
{
    public static readonly IReadOnlyList<string> Statements =
    [
        """
        CREATE TABLE IF NOT EXISTS accounts (
            user_key TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            display_name TEXT NOT NULL,
            email TEXT NULL,
            role TEXT NOT NULL,
            province TEXT NOT NULL,
            district TEXT NULL,
            language TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL,
            security_stamp TEXT NOT NULL,
            failed_sign_ins INTEGER NOT NULL,
            locked_until_ms BIGINT NOT NULL,
            last_sign_in_ms BIGINT NULL,
            changed_ms BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS account_tokens (
            token_hash TEXT PRIMARY KEY,
            user_key TEXT NOT NULL,
            security_stamp TEXT NOT NULL,
            expires_ms BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_account_tokens_user ON account_tokens (user_key)",
        """
        CREATE TABLE IF NOT EXISTS protection_keys (
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL,
            created_ms BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS idempotency_records (
            record_key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            status INTEGER NOT NULL,
            content_type TEXT NULL,
            body TEXT NULL,
            kept_ms BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_idempotency_records_kept ON idempotency_records (kept_ms)",
    ];
}
