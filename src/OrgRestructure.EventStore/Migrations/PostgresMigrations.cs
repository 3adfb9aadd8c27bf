namespace OrgRestructure.EventStore.Migrations;

/// <summary>The PostgreSQL schema, as numbered migrations.</summary>
internal static class PostgresMigrations
{
    // Positions come from a sequence, but only through orgrestructure_reserve_positions: it assigns
    // the transaction id and takes the positions under one short advisory lock, so the order of
    // transaction ids equals the order of positions. A reader then takes every row whose
    // transaction id is below pg_snapshot_xmin (all such transactions have ended) and gets a gap-free
    // prefix: anything still in flight holds a higher transaction id and therefore higher positions.
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "events and stream commands", """
            CREATE SEQUENCE events_position_seq;
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
            CREATE FUNCTION orgrestructure_reserve_positions(n integer, OUT first_position bigint, OUT tx xid8)
            LANGUAGE plpgsql AS $$
            BEGIN
                IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
                    RAISE EXCEPTION 'event positions must be reserved before the transaction writes anything';
                END IF;
                PERFORM pg_advisory_lock(7305001);
                tx := pg_current_xact_id();
                SELECT min(p) INTO first_position FROM (SELECT nextval('events_position_seq') AS p FROM generate_series(1, n)) s;
                PERFORM pg_advisory_unlock(7305001);
            END;
            $$;
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
