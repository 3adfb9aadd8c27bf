using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using OrgRestructure.EventStore.Hashing;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writers take the file's <see cref="SqliteWriterGate"/>
/// and then BEGIN IMMEDIATE (which also orders writers of other processes), so appends are serialized,
/// positions commit in order, and every committed row is immediately safe to read in global order.
/// </summary>
public sealed class SqliteEventStore : IRelationalEventStore
{
    private const string SelectEvents = "SELECT " + EventRows.Columns + " FROM events";
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writerLock;
    private readonly EventStoreOptions _options;

    public SqliteEventStore(string path, EventStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writerLock = SqliteWriterGate.For(Path);
        _options = options ?? new EventStoreOptions();
        using var connection = Open();
        using var wal = connection.CreateCommand("PRAGMA journal_mode=WAL");
        wal.ExecuteNonQuery();
    }

    public string Path { get; }

    public EventStoreBackend Backend => EventStoreBackend.Sqlite;

    public string Description => $"SQLite {Path}";

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand("PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000");
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var release = await SqliteWriterGate.EnterAsync(_writerLock, cancellationToken);
        try
        {
            var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken);
            // Microsoft.Data.Sqlite begins IMMEDIATE unless deferred is asked for.
            var transaction = connection.BeginTransaction(deferred: false);
            return new WriteScope(connection, transaction, Backend, release);
        }
        catch
        {
            release.Dispose();
            throw;
        }
    }

    public Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default) =>
        new Migrations.EventStoreMigrator(this, _options.InlineProjections).MigrateAsync(cancellationToken);

    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        EventRows.Validate(request);
        await using var scope = await BeginWriteAsync(cancellationToken);
        if (request.CommandId is { } commandId)
        {
            await using var find = scope.CreateCommand("SELECT from_version, to_version FROM stream_commands WHERE stream_id = @s AND command_id = @c");
            await using var reader = await find.With("s", request.StreamId).With("c", commandId).ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var (from, to) = (reader.GetInt64(0), reader.GetInt64(1));
                var first = await ReadStreamAsync(scope.Connection, scope.Transaction, request.StreamId, new StreamRange(from, to), cancellationToken);
                return new AppendResult(request.StreamId, from, to, true, first);
            }
        }

        var result = await AppendInScopeAsync(scope, request, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return result;
    }

    public Task<AppendResult> AppendAsync(WriteScope scope, AppendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        EventRows.ValidateInScope(request);
        return AppendInScopeAsync(scope, request, cancellationToken);
    }

    /// <summary>Reads the head, inserts and projects in the scope (which holds the file's writer lock); the caller commits.</summary>
    private async Task<AppendResult> AppendInScopeAsync(WriteScope scope, AppendRequest request, CancellationToken cancellationToken)
    {
        var (version, hash) = await ReadHeadAsync(scope, request.StreamId, cancellationToken);
        if (request.ExpectedVersion != AppendRequest.Any && request.ExpectedVersion != version)
        {
            throw new ConcurrencyException(request.StreamId, request.ExpectedVersion, version);
        }

        var now = EventHasher.NormalizeTimestamp(_options.Clock.GetUtcNow());
        var events = EventRows.Chain(request, version, hash, now);
        var stored = new List<StoredEvent>(events.Count);
        await using (var insert = scope.CreateCommand(
            "INSERT INTO events (event_id, stream_id, version, type, data, timestamp, actor, actor_role, correlation_id, causation_id, command_id, previous_hash, hash) " +
            "VALUES (@id, @s, @v, @type, @data, @ts, @actor, @role, @corr, @caus, @cmd, @prev, @hash) RETURNING position"))
        {
            foreach (var e in events)
            {
                insert.Parameters.Clear();
                insert.With("id", e.EventId.ToString("D")).With("s", e.StreamId).With("v", e.StreamVersion).With("type", e.Type)
                    .With("data", e.Data).With("ts", e.Timestamp.ToUnixTimeMilliseconds()).With("actor", e.Actor).With("role", e.ActorRole)
                    .With("corr", e.CorrelationId.ToString("D")).With("caus", e.CausationId?.ToString("D")).With("cmd", e.CommandId)
                    .With("prev", e.PreviousHash).With("hash", e.Hash);
                try
                {
                    var position = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                    stored.Add(e with { GlobalPosition = position });
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
                {
                    throw new ArgumentException($"Event id {e.EventId} is already stored. / Mã sự kiện đã tồn tại.", nameof(request), ex);
                }
            }
        }

        if (request.CommandId is { } id)
        {
            await using var record = scope.CreateCommand("INSERT INTO stream_commands (stream_id, command_id, from_version, to_version) VALUES (@s, @c, @f, @t)");
            await record.With("s", request.StreamId).With("c", id).With("f", version + 1).With("t", version + events.Count).ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var projection in _options.InlineProjections)
        {
            await projection.ApplyAsync(scope, stored, cancellationToken);
        }

        return new AppendResult(request.StreamId, version + 1, version + events.Count, false, stored);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, StreamRange? range = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadStreamAsync(connection, null, streamId, range ?? StreamRange.All, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(SelectEvents + " WHERE position > @after ORDER BY position LIMIT @max");
        command.With("after", afterPosition).With("max", Math.Max(0, maxCount));
        return await EventRows.ReadAllRowsAsync(command, cancellationToken);
    }

    public async IAsyncEnumerable<StoredEvent> ScanAllAsync(long afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One statement reads one WAL snapshot: writers carry on, and every row it returns committed.
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(SelectEvents + " WHERE position > @after ORDER BY position");
        await using var reader = await command.With("after", afterPosition).ExecuteReaderAsync(cancellationToken);
        await foreach (var e in EventRows.ReadEachRowAsync(reader, cancellationToken))
        {
            yield return e;
        }
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT coalesce(max(version), 0) FROM events WHERE stream_id = @s");
        return Convert.ToInt64(await command.With("s", streamId).ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT stream_id FROM events WHERE version = 1 ORDER BY position");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        DbConnection connection, DbTransaction? transaction, string streamId, StreamRange range, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(string.Empty, transaction);
        var filter = EventRows.RangeFilter(command.With("stream", streamId), range, range.AtOrBefore?.ToUnixTimeMilliseconds());
        command.CommandText = SelectEvents + " WHERE stream_id = @stream" + filter + " ORDER BY version";
        return await EventRows.ReadAllRowsAsync(command, cancellationToken);
    }

    private static async Task<(long Version, string Hash)> ReadHeadAsync(WriteScope scope, string streamId, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand("SELECT version, hash FROM events WHERE stream_id = @s ORDER BY version DESC LIMIT 1");
        await using var reader = await command.With("s", streamId).ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, EventHasher.GenesisHash);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
