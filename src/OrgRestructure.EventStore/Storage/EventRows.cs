using System.Data.Common;
using System.Runtime.CompilerServices;
using OrgRestructure.EventStore.Hashing;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Storage;

/// <summary>The events table as both back ends lay it out, and the hash chain of an append.</summary>
internal static class EventRows
{
    public const string Columns =
        "position, event_id, stream_id, version, type, data, timestamp, actor, actor_role, correlation_id, causation_id, command_id, previous_hash, hash";

    public static async Task<IReadOnlyList<StoredEvent>> ReadAllRowsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadAllRowsAsync(reader, cancellationToken);
    }

    public static async Task<IReadOnlyList<StoredEvent>> ReadAllRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        bool? unixTimestamps = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            unixTimestamps ??= reader.GetFieldType(6) == typeof(long);
            events.Add(Read(reader, unixTimestamps.Value));
        }

        return events;
    }

    /// <summary>The rows of <paramref name="reader"/> one by one, without holding them in a list.</summary>
    public static async IAsyncEnumerable<StoredEvent> ReadEachRowAsync(DbDataReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool? unixTimestamps = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            unixTimestamps ??= reader.GetFieldType(6) == typeof(long);
            yield return Read(reader, unixTimestamps.Value);
        }
    }

    // unixTimestamps: SQLite keeps timestamps as Unix milliseconds and ids as text; PostgreSQL has native types.
    public static StoredEvent Read(DbDataReader reader, bool unixTimestamps)
    {
        var timestamp = unixTimestamps
            ? DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))
            : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc));
        return new StoredEvent(
            reader.GetGuid(1),
            reader.GetString(2),
            reader.GetInt64(3),
            reader.GetInt64(0),
            reader.GetString(4),
            reader.GetString(5),
            timestamp,
            reader.GetString(7),
            reader.GetString(8),
            reader.GetGuid(9),
            reader.IsDBNull(10) ? null : reader.GetGuid(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.GetString(12),
            reader.GetString(13));
    }

    /// <summary>
    /// The events of an append with their hashes, chained onto <paramref name="previousHash"/>.
    /// Positions are filled in by the database after the insert.
    /// </summary>
    public static List<StoredEvent> Chain(AppendRequest request, long currentVersion, string previousHash, DateTimeOffset now)
    {
        var events = new List<StoredEvent>(request.Events.Count);
        foreach (var e in request.Events)
        {
            var draft = new StoredEvent(
                e.EventId ?? Guid.NewGuid(),
                request.StreamId,
                currentVersion + events.Count + 1,
                0,
                e.Type,
                e.Data,
                now,
                request.Metadata.Actor,
                request.Metadata.ActorRole,
                request.Metadata.CorrelationId,
                request.Metadata.CausationId,
                request.CommandId,
                previousHash,
                string.Empty);
            string hash;
            try
            {
                hash = EventHasher.Compute(draft);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new ArgumentException($"Event '{e.Type}' data is not valid JSON. / Dữ liệu sự kiện không phải JSON hợp lệ.", nameof(request), ex);
            }

            var stored = draft with { Hash = hash };
            events.Add(stored);
            previousHash = stored.Hash;
        }

        return events;
    }

    public static void Validate(AppendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.StreamId))
        {
            throw new ArgumentException("A stream id is required. / Cần mã luồng sự kiện.", nameof(request));
        }

        if (request.Events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event. / Cần ít nhất một sự kiện.", nameof(request));
        }

        if (request.ExpectedVersion < AppendRequest.Any)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Expected version must be -1 (any), 0 (no stream) or a version.");
        }

        foreach (var e in request.Events)
        {
            if (string.IsNullOrWhiteSpace(e.Type))
            {
                throw new ArgumentException("Every event needs a type. / Mỗi sự kiện cần có loại.", nameof(request));
            }
        }
    }

    /// <summary>For stores that do not hash through <see cref="Chain"/>: refuses data that is not JSON.</summary>
    /// <summary>
    /// <see cref="Validate"/> for an append into a caller's transaction, which cannot take a command
    /// id: a retried command is found by a unique key whose violation would abort the caller's work.
    /// </summary>
    public static void ValidateInScope(AppendRequest request)
    {
        Validate(request);
        if (request.CommandId is not null)
        {
            throw new ArgumentException(
                "An append into a caller's transaction takes no command id. / Ghi trong giao dịch của bên gọi không nhận mã lệnh.", nameof(request));
        }
    }

    public static void ValidateJson(AppendRequest request)
    {
        foreach (var e in request.Events)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(e.Data);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new ArgumentException($"Event '{e.Type}' data is not valid JSON. / Dữ liệu sự kiện không phải JSON hợp lệ.", nameof(request), ex);
            }
        }
    }

    /// <summary>SQL conditions for <paramref name="range"/>, with its parameters bound on <paramref name="command"/>.</summary>
    public static string RangeFilter(DbCommand command, StreamRange range, object? atOrBefore)
    {
        var sql = " AND version >= @from_version";
        command.With("from_version", range.FromVersion);
        if (range.ToVersion is { } to)
        {
            sql += " AND version <= @to_version";
            command.With("to_version", to);
        }

        if (atOrBefore is not null)
        {
            sql += " AND timestamp <= @at";
            command.With("at", atOrBefore);
        }

        return sql;
    }
}
