namespace OrgRestructure.EventStore.Migrations;

/// <summary>The SQLite schema, as numbered migrations. Timestamps are Unix milliseconds.</summary>
internal static class SqliteMigrations
{
    // One writer at a time (BEGIN IMMEDIATE), so positions commit in order: no high-water mark needed.
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "events and stream commands", """
            CREATE TABLE events (
                position INTEGER PRIMARY KEY,
                event_id TEXT NOT NULL UNIQUE,
                stream_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                type TEXT NOT NULL,
                data TEXT NOT NULL,
                timestamp INTEGER NOT NULL,
                actor TEXT NOT NULL,
                actor_role TEXT NOT NULL,
                correlation_id TEXT NOT NULL,
                causation_id TEXT NULL,
                command_id TEXT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                CONSTRAINT events_stream_version UNIQUE (stream_id, version)
            );
            CREATE INDEX events_stream_starts ON events (position) WHERE version = 1;
            CREATE TABLE stream_commands (
                stream_id TEXT NOT NULL,
                command_id TEXT NOT NULL,
                from_version INTEGER NOT NULL,
                to_version INTEGER NOT NULL,
                PRIMARY KEY (stream_id, command_id)
            );
            """),
        new(2, "projection checkpoints", """
            CREATE TABLE projection_checkpoints (
                name TEXT PRIMARY KEY,
                position INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            """),
    ];
}
