using System.Data.Common;
using System.Runtime.CompilerServices;
using Npgsql;
using OrgRestructure.EventStore.Migrations;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Postgres;

/// <summary>
/// The production store on PostgreSQL. Appends are one round trip when the stream head is cached
/// (reserve positions + insert events + record the command id, in one implicit transaction);
/// <see cref="ReadAllAsync"/> returns only the commit-safe prefix: positions derive from transaction
/// ids (see PostgresMigrations), so they are unique and ordered but not dense.
/// </summary>
public sealed partial class PostgresEventStore : IRelationalEventStore, IAsyncDisposable, IDisposable
{
    private const string SelectEvents = "SELECT " + EventRows.Columns + " FROM events";
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly EventStoreOptions _options;
    private readonly StreamHeadCache _heads = new();
    private readonly ContendedStreams _contended = new();

    public PostgresEventStore(string connectionString, EventStoreOptions? options = null)
        : this(CreateDataSource(connectionString), options, ownsDataSource: true)
    {
    }

    public PostgresEventStore(NpgsqlDataSource dataSource, EventStoreOptions? options = null)
        : this(dataSource, options, ownsDataSource: false)
    {
    }

    private PostgresEventStore(NpgsqlDataSource dataSource, EventStoreOptions? options, bool ownsDataSource)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _options = options ?? new EventStoreOptions();
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    public EventStoreBackend Backend => EventStoreBackend.Postgres;

    public string Description { get; }

    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>A data source with automatic statement preparation (the append path reuses a few statements).</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new WriteScope(connection, transaction, Backend, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default) =>
        new EventStoreMigrator(this, _options.InlineProjections).MigrateAsync(cancellationToken);

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, StreamRange? range = null, CancellationToken cancellationToken = default)
    {
        var r = range ?? StreamRange.All;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var filter = EventRows.RangeFilter(command.With("stream", streamId), r, r.AtOrBefore?.UtcDateTime);
        command.CommandText = SelectEvents + " WHERE stream_id = @stream" + filter + " ORDER BY version";
        var events = await EventRows.ReadAllRowsAsync(command, cancellationToken);
        // A read to the end gives the head: the append that usually follows (an engine command) then
        // needs no head read of its own.
        if (r.ToVersion is null && r.AtOrBefore is null && events.Count > 0)
        {
            _heads.Set(streamId, events[^1].StreamVersion, events[^1].Hash);
        }

        return events;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = ReadAllBatch(connection, afterPosition, (long)Math.Max(0, maxCount));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await EventRows.ReadAllRowsAsync(reader, cancellationToken);
    }

    public async IAsyncEnumerable<StoredEvent> ScanAllAsync(long afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = ReadAllBatch(connection, afterPosition, limit: null);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await foreach (var e in EventRows.ReadEachRowAsync(reader, cancellationToken))
        {
            yield return e;
        }
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return (await ReadHeadAsync(connection, streamId, cancellationToken)).Version;
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT stream_id FROM events WHERE version = 1 ORDER BY position");
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    /// <summary>
    /// The commit-safe events after <paramref name="afterPosition"/> (a page when a limit is given), as a batch whose third
    /// statement returns the rows. Positions are (transaction id &lt;&lt; 20) + index: below the mark of
    /// <see cref="ReadMark"/> every row is final, and no row can appear there later.
    /// </summary>
    private static NpgsqlBatch ReadAllBatch(NpgsqlConnection connection, long afterPosition, long? limit)
    {
        // A page must be an index range scan that stops after the limit, and a scan one that streams
        // rows as it goes. Until the events table is first analyzed the planner cannot know that
        // positions follow the heap order and prefers a bitmap scan plus a sort of every row past the
        // position (an external sort of the whole table for each page). The settings are local to this
        // implicit transaction.
        var select = new NpgsqlBatchCommand(
            SelectEvents + " WHERE position > $1 AND position < (current_setting('orgrestructure.read_mark')::bigint << 20) ORDER BY position"
            + (limit is null ? string.Empty : " LIMIT $2"));
        select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterPosition });
        if (limit is { } max)
        {
            select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max });
        }

        return new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand("SELECT set_config('enable_sort', 'off', true)"), new NpgsqlBatchCommand(ReadMark), select },
        };
    }

    /// <summary>
    /// The lowest transaction id that may still commit events into this database, taken in a statement
    /// before the read (so before the read's snapshot). Every transaction that could write events later
    /// is either running in this database now — listed in pg_stat_activity (or prepared) with its id —
    /// or takes an id after this statement's snapshot, i.e. at or above its xmax. Transactions of other
    /// databases on the same server (the cluster-wide snapshot xmin counts them) cannot write here and
    /// must not hold the mark back: with them a reader missed its own committed appends whenever
    /// another database had a transaction open. pg_stat_activity shows 32-bit ids; they are widened
    /// against xmax, ids at or past xmax are ignored (the mark is at most xmax anyway).
    /// </summary>
    private const string ReadMark = """
        SELECT set_config('orgrestructure.read_mark', (
            SELECT (s.xmax - coalesce(max(r.behind) FILTER (WHERE r.behind > 0 AND r.behind < 2147483648), 0))::text
            FROM (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS xmax) s
            LEFT JOIN LATERAL (
                SELECT ((s.xmax - x.xid::text::bigint) % 4294967296 + 4294967296) % 4294967296 AS behind
                FROM (SELECT backend_xid AS xid FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL
                      UNION ALL
                      SELECT transaction FROM pg_prepared_xacts WHERE database = current_database()) x) r ON true
            GROUP BY s.xmax), true)
        """;

    private static async Task<(long Version, string Hash)> ReadHeadAsync(NpgsqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { HeadCommand(streamId) } };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadHeadRowAsync(reader, cancellationToken);
    }

    private static NpgsqlBatchCommand HeadCommand(string streamId)
    {
        var command = new NpgsqlBatchCommand("SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        return command;
    }

    private static async Task<(long Version, string Hash)> ReadHeadRowAsync(NpgsqlDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0), reader.GetString(1))
            : (0, Hashing.EventHasher.GenesisHash);
}
