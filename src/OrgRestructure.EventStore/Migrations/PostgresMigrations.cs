namespace OrgRestructure.EventStore.Migrations;

/// <summary>The PostgreSQL schema, as numbered migrations.</summary>
internal static class PostgresMigrations
{
    // Global positions are not taken from a sequence (whose values commit out of order). A position
    // is the appending transaction's id shifted left by 20 bits plus the event's index in the append:
    // positions sort exactly like (transaction id, index). Every transaction that can still commit
    // events has an id >= the oldest id running in this database (PostgresEventStore.ReadMark), so
    // every row below (that id << 20) is final and nothing can ever appear below it later: ReadAll
    // reads up to that mark, with no gap detection, timeout or lock.
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "events and stream commands", """
            CREATE TABLE events (
                position bigint PRIMARY KEY,
                tx_id xid8 NOT NULL,
                event_id uuid NOT NULL UNIQUE,
                stream_id text NOT NULL,
                version bigint NOT NULL,
                type text NOT NULL,
                data text NOT NULL,
                timestamp timestamptz NOT NULL,
                actor text NOT NULL,
                actor_role text NOT NULL,
                correlation_id uuid NOT NULL,
                causation_id uuid NULL,
                command_id text NULL,
                previous_hash text NOT NULL,
                hash text NOT NULL,
                CONSTRAINT events_stream_version UNIQUE (stream_id, version)
            );
            CREATE INDEX events_stream_starts ON events (position) WHERE version = 1;
            CREATE TABLE stream_commands (
                stream_id text NOT NULL,
                command_id text NOT NULL,
                from_version bigint NOT NULL,
                to_version bigint NOT NULL,
                CONSTRAINT stream_commands_pkey PRIMARY KEY (stream_id, command_id)
            );
            """),
        new(2, "projection checkpoints", """
            CREATE TABLE projection_checkpoints (
                name text PRIMARY KEY,
                position bigint NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            """),
    ];
}
