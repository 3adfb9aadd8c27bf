using Npgsql;
using NpgsqlTypes;
using OrgRestructure.EventStore.Hashing;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Postgres;

public sealed partial class PostgresEventStore
{
    private const string InsertEvents = """
        INSERT INTO events (position, tx_id, event_id, stream_id, version, type, data, timestamp,
                            actor, actor_role, correlation_id, causation_id, command_id, previous_hash, hash)
        SELECT (pg_current_xact_id()::text::bigint << 20) + e.ord, pg_current_xact_id(), e.event_id, $1, $2 + e.ord, e.type, e.data, $3,
               $4, $5, $6, $7, $8, e.previous_hash, e.hash
        FROM unnest($9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[])
                WITH ORDINALITY AS e(event_id, type, data, previous_hash, hash, ord)
        RETURNING position
        """;

    private const string InsertCommand =
        "INSERT INTO stream_commands (stream_id, command_id, from_version, to_version) VALUES ($1, $2, $3, $4)";

    private const string UniqueViolation = "23505";

    /// <summary>Events per append: the low 20 bits of a position number the events of one transaction.</summary>
    public const int MaxEventsPerAppend = (1 << 20) - 1;

    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        EventRows.Validate(request);
        if (request.Events.Count > MaxEventsPerAppend)
        {
            throw new ArgumentException($"At most {MaxEventsPerAppend} events per append. / Quá nhiều sự kiện trong một lần ghi.", nameof(request));
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // "Any" that lost a race (or whose stream is contended) stops guessing: it queues behind
                // other such writers of the stream.
                var stored = request.ExpectedVersion == AppendRequest.Any && (attempt > 0 || _contended.IsHot(request.StreamId))
                    ? await AppendSerializedAsync(request, cancellationToken)
                    : await AppendOptimisticAsync(request, cancellationToken);
                if (stored is null)
                {
                    var head = await GetHeadAsync(request, cancellationToken);
                    return await FindCommandAsync(request, cancellationToken)
                        ?? throw new ConcurrencyException(request.StreamId, request.ExpectedVersion, head.Version);
                }

                _heads.Set(request.StreamId, stored[^1].StreamVersion, stored[^1].Hash);
                return new AppendResult(request.StreamId, stored[0].StreamVersion, stored[^1].StreamVersion, false, stored);
            }
            catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
            {
                _heads.Forget(request.StreamId);
                if (await FindCommandAsync(request, cancellationToken) is { } duplicate)
                {
                    return duplicate;
                }

                if (ex.ConstraintName != "events_stream_version")
                {
                    throw new ArgumentException($"An event id in this append is already stored ({ex.ConstraintName}). / Mã sự kiện đã tồn tại.", nameof(request), ex);
                }

                if (request.ExpectedVersion == AppendRequest.Any)
                {
                    _contended.LostRace(request.StreamId);
                }

                if (request.ExpectedVersion != AppendRequest.Any || attempt >= _options.AnyVersionRetries)
                {
                    var actual = await GetStreamVersionAsync(request.StreamId, cancellationToken);
                    throw new ConcurrencyException(request.StreamId, request.ExpectedVersion, actual);
                }
            }
        }
    }

    /// <summary>Appends on the cached or freshly read head; null when the expected version is not the head.</summary>
    private async Task<List<StoredEvent>?> AppendOptimisticAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        var head = await GetHeadAsync(request, cancellationToken);
        if (request.ExpectedVersion != AppendRequest.Any && head.Version != request.ExpectedVersion)
        {
            return null;
        }

        var events = EventRows.Chain(request, head.Version, head.Hash, EventHasher.NormalizeTimestamp(_options.Clock.GetUtcNow()));
        if (_options.InlineProjections.Count == 0)
        {
            // Without inline projections the batch runs in one implicit transaction: one round trip.
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await ExecuteInsertAsync(connection, null, request, head.Version, events, cancellationToken);
        }

        await using var scope = await BeginWriteAsync(cancellationToken);
        var stored = await ExecuteInsertAsync(
            (NpgsqlConnection)scope.Connection, (NpgsqlTransaction)scope.Transaction, request, head.Version, events, cancellationToken);
        return await ProjectAndCommitAsync(scope, stored, cancellationToken);
    }

    /// <summary>Appends at whatever the head is, holding a per-stream lock until commit.</summary>
    private async Task<List<StoredEvent>> AppendSerializedAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        await using var scope = await BeginWriteAsync(cancellationToken);
        var stored = await AppendLockedAsync(scope, request, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<AppendResult> AppendAsync(WriteScope scope, AppendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        EventRows.ValidateInScope(request);
        // The caller may still roll back: the cached head would then name events that never were.
        _heads.Forget(request.StreamId);
        var stored = await AppendLockedAsync(scope, request, cancellationToken);
        return new AppendResult(request.StreamId, stored[0].StreamVersion, stored[^1].StreamVersion, false, stored);
    }

    /// <summary>Locks the stream until the scope ends, reads its head, inserts and projects; the caller commits.</summary>
    private async Task<List<StoredEvent>> AppendLockedAsync(WriteScope scope, AppendRequest request, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)scope.Connection;
        (long Version, string Hash) head;
        // Lock and head read in one round trip: the lock is held until commit, so every round trip
        // saved here shortens the queue of writers behind it. The read is a later statement, so it
        // sees everything committed before the lock was granted.
        await using (var lockAndRead = new NpgsqlBatch(connection, (NpgsqlTransaction)scope.Transaction))
        {
            var lockStream = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(7305003, hashtext($1))");
            lockStream.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.StreamId });
            lockAndRead.BatchCommands.Add(lockStream);
            lockAndRead.BatchCommands.Add(HeadCommand(request.StreamId));
            await using var reader = await lockAndRead.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            head = await ReadHeadRowAsync(reader, cancellationToken);
        }

        if (request.ExpectedVersion != AppendRequest.Any && request.ExpectedVersion != head.Version)
        {
            throw new ConcurrencyException(request.StreamId, request.ExpectedVersion, head.Version);
        }

        var events = EventRows.Chain(request, head.Version, head.Hash, EventHasher.NormalizeTimestamp(_options.Clock.GetUtcNow()));
        var stored = await ExecuteInsertAsync(connection, (NpgsqlTransaction)scope.Transaction, request, head.Version, events, cancellationToken);
        foreach (var projection in _options.InlineProjections)
        {
            await projection.ApplyAsync(scope, stored, cancellationToken);
        }

        return stored;
    }

    private async Task<List<StoredEvent>> ProjectAndCommitAsync(WriteScope scope, List<StoredEvent> stored, CancellationToken cancellationToken)
    {
        foreach (var projection in _options.InlineProjections)
        {
            await projection.ApplyAsync(scope, stored, cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
        return stored;
    }

    private async Task<(long Version, string Hash)> GetHeadAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        if (_heads.TryGet(request.StreamId, out var cached)
            && (request.ExpectedVersion == AppendRequest.Any || request.ExpectedVersion == cached.Version))
        {
            return cached;
        }

        // A new stream's head is known without asking: if the stream exists after all, the unique
        // (stream, version) constraint rejects the insert and the append reports the conflict.
        if (request.ExpectedVersion == AppendRequest.NoStream)
        {
            return (0, Hashing.EventHasher.GenesisHash);
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var head = await ReadHeadAsync(connection, request.StreamId, cancellationToken);
        if (head.Version > 0)
        {
            _heads.Set(request.StreamId, head.Version, head.Hash);
        }

        return head;
    }

    private static async Task<List<StoredEvent>> ExecuteInsertAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        AppendRequest request,
        long currentVersion,
        List<StoredEvent> events,
        CancellationToken cancellationToken)
    {
        var first = events[0];
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand(InsertEvents);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.StreamId });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = currentVersion });
        insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = first.Timestamp.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = first.Actor });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = first.ActorRole });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = first.CorrelationId });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)first.CausationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)first.CommandId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = events.Select(e => e.EventId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.Type).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.Data).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.PreviousHash).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(e => e.Hash).ToArray() });
        batch.BatchCommands.Add(insert);
        if (request.CommandId is { } commandId)
        {
            var record = new NpgsqlBatchCommand(InsertCommand);
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.StreamId });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = commandId });
            record.Parameters.Add(new NpgsqlParameter<long> { TypedValue = currentVersion + 1 });
            record.Parameters.Add(new NpgsqlParameter<long> { TypedValue = currentVersion + events.Count });
            batch.BatchCommands.Add(record);
        }

        long firstPosition = long.MaxValue;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                firstPosition = Math.Min(firstPosition, reader.GetInt64(0));
            }

            // Surfaces an error of the command-id insert (the batch is all or nothing).
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        return events.Select((e, i) => e with { GlobalPosition = firstPosition + i }).ToList();
    }

    private async Task<AppendResult?> FindCommandAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        if (request.CommandId is not { } commandId)
        {
            return null;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT from_version, to_version FROM stream_commands WHERE stream_id = $1 AND command_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.StreamId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = commandId });
        long from, to;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (from, to) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var events = await ReadStreamAsync(request.StreamId, new StreamRange(from, to), cancellationToken);
        return new AppendResult(request.StreamId, from, to, true, events);
    }
}
