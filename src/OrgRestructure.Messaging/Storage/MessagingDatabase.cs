using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrgRestructure.EventStore.Sqlite;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Messaging.Storage;

/// <summary>
/// The database the messaging tables live in: the event store's own (PostgreSQL or the SQLite
/// file), so a consumer's effect and its dedupe row commit together. The SQL is written once
/// for both: named @parameters, BIGINT milliseconds for times, ON CONFLICT for upserts.
/// </summary>
public sealed class MessagingDatabase : IDisposable
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private bool _schemaReady;

    // SQLite: the file's writer gate, shared with the event store (null on PostgreSQL, whose rows lock themselves).
    private readonly SemaphoreSlim? _writerGate;

    private MessagingDatabase(string connectionString, bool isPostgres, SemaphoreSlim? writerGate = null)
    {
        ConnectionString = connectionString;
        IsPostgres = isPostgres;
        _writerGate = writerGate;
    }

    public string ConnectionString { get; }

    public bool IsPostgres { get; }

    private EventStoreBackend Backend => IsPostgres ? EventStoreBackend.Postgres : EventStoreBackend.Sqlite;

    public static MessagingDatabase Postgres(string connectionString) => new(connectionString, true);

    public static MessagingDatabase Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 };
        return new MessagingDatabase(builder.ToString(), false, SqliteWriterGate.For(path));
    }

    public void Dispose() => _schemaGate.Dispose();

    /// <summary>Opens a connection with the messaging schema in place.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenRawAsync(cancellationToken);
        if (!_schemaReady)
        {
            await EnsureSchemaAsync(connection, cancellationToken);
        }

        return connection;
    }

    /// <summary>
    /// Opens a connection and begins a write transaction. On SQLite it first takes the file's
    /// <see cref="SqliteWriterGate"/>, held until the write is disposed: every write of the messaging
    /// tables goes through here, so writers queue instead of sleeping in SQLite's busy handler.
    /// </summary>
    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var lease = _writerGate is null ? null : await SqliteWriterGate.EnterAsync(_writerGate, cancellationToken);
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new WriteScope(connection, transaction, Backend, lease);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            lease?.Dispose();
            throw;
        }
    }

    internal async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (!IsPostgres)
        {
            // Another process may write the file too: wait rather than fail. NORMAL, as the event store:
            // in WAL mode a commit then waits for no fsync, and a crash of the process loses nothing.
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;", cancellationToken);
        }

        return connection;
    }

    private async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            if (!IsPostgres)
            {
                await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
            }

            // Nodes starting together would race on CREATE TABLE IF NOT EXISTS (PostgreSQL catalog
            // conflicts): one transaction, serialized by an advisory lock (SQLite: BEGIN IMMEDIATE).
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (IsPostgres)
            {
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(7305101)", cancellationToken);
            }

            foreach (var statement in MessagingSchema.Statements)
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            }

            await connection.AddMissingColumnsAsync(transaction, Backend, MessagingSchema.AddedColumns, cancellationToken);

            await transaction.CommitAsync(cancellationToken);

            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // SQL text is constant; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    internal static Task<int> ExecuteAsync(WriteScope write, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        ExecuteAsync(write.Connection, write.Transaction, sql, cancellationToken, parameters);

    internal static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
