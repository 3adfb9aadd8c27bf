using System.Data.Common;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.ReadModels;

/// <summary>
/// Keeps <c>case_summaries</c> and <c>open_tasks</c> inline: in every append's transaction, so a list
/// read after a command already shows it, and a refused row (a second case for a district) refuses
/// the append. Per append it loads the one case's rows, folds the new events with
/// <see cref="CaseReadState.Evolve"/> and writes back only what changed.
/// </summary>
public sealed class CaseReadModelProjection : IInlineProjection
{
    public const string Name = "case-read-model";

    public async Task InitializeAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await using (var create = scope.CreateCommand(CaseReadModelSql.Schema))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var added = await scope.Connection.AddMissingColumnsAsync(scope.Transaction, scope.Backend, CaseReadModelSql.AddedColumns, cancellationToken);

        // A store that has case events from before this read model existed gets its rows now, once.
        await using var empty = scope.CreateCommand(
            "SELECT (SELECT count(*) FROM case_summaries), (SELECT count(*) FROM events WHERE version = 1 AND stream_id LIKE @prefix)");
        await using var reader = await empty.With("prefix", CaseStreamFolder.StreamPrefix + "%").ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (rows, cases) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.DisposeAsync();
        // A store whose rows predate this read model, or one of its columns, gets them now, once.
        if ((rows == 0 || added) && cases > 0)
        {
            await RebuildAsync(scope, null, cancellationToken);
        }
    }

    public async Task ApplyAsync(WriteScope scope, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        foreach (var stream in events.Where(e => e.StreamId.StartsWith(CaseStreamFolder.StreamPrefix, StringComparison.Ordinal)).GroupBy(e => e.StreamId))
        {
            var (state, before) = await LoadAsync(scope, stream.Key, cancellationToken);
            foreach (var e in stream)
            {
                Evolve(state, e);
            }

            await SaveAsync(scope, state, before, cancellationToken);
        }
    }

    /// <summary>
    /// Replaces both tables with the fold of the whole log, in the caller's transaction. On PostgreSQL
    /// the tables are locked first: an append that projected before waits to commit and is read; one
    /// that projects later waits for this commit and folds onto the rebuilt rows.
    /// </summary>
    public static async Task<RebuildResult> RebuildAsync(WriteScope scope, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (scope.Backend == EventStoreBackend.Postgres)
        {
            await using var lockTables = scope.CreateCommand("LOCK TABLE case_summaries, open_tasks IN EXCLUSIVE MODE");
            await lockTables.ExecuteNonQueryAsync(cancellationToken);
        }

        var states = new Dictionary<string, CaseReadState>(StringComparer.Ordinal);
        long count = 0;
        await using (var read = scope.CreateCommand("SELECT stream_id, version, position, type, data FROM events WHERE stream_id LIKE @prefix ORDER BY stream_id, version"))
        {
            await using var reader = await read.With("prefix", CaseStreamFolder.StreamPrefix + "%").ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var streamId = reader.GetString(0);
                if (!states.TryGetValue(streamId, out var state))
                {
                    states[streamId] = state = CaseReadState.New(streamId);
                }

                if (EventTypeRegistry.Deserialize(reader.GetString(3), reader.GetString(4)) is { } e)
                {
                    state.Evolve(e, reader.GetInt64(1), reader.GetInt64(2));
                }

                if (++count % 10_000 == 0)
                {
                    progress?.Report(count);
                }
            }
        }

        await using (var clear = scope.CreateCommand("DELETE FROM open_tasks; DELETE FROM case_summaries"))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        // Cases are written in the order they started, so if an old log holds two live cases of one
        // district (from before the store enforced it) the first keeps the key and the rebuild still completes.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var tasks = 0;
        foreach (var state in states.Values.Where(s => s.Summary.DefinitionId.Length > 0).OrderBy(s => s.Summary.StartedAt).ThenBy(s => s.Summary.CaseId, StringComparer.Ordinal))
        {
            var row = state.Row();
            if (row.ScopeKey is { } key && !keys.Add(key))
            {
                row = row with { ScopeKey = null };
            }

            await ExecuteAsync(scope, CaseReadModelSql.UpsertSummary, c => CaseReadModelSql.BindSummary(c, row), cancellationToken);
            foreach (var task in state.Tasks.Values)
            {
                await ExecuteAsync(scope, CaseReadModelSql.UpsertTask, c => CaseReadModelSql.BindTask(c, task), cancellationToken);
                tasks++;
            }
        }

        progress?.Report(count);
        return new RebuildResult(count, states.Count, tasks);
    }

    private static void Evolve(CaseReadState state, StoredEvent stored)
    {
        if (EventTypeRegistry.Deserialize(stored.Type, stored.Data) is { } e)
        {
            state.Evolve(e, stored.StreamVersion, stored.GlobalPosition);
        }
    }

    private static async Task<(CaseReadState State, CaseReadState? Before)> LoadAsync(WriteScope scope, string caseId, CancellationToken cancellationToken)
    {
        CaseSummaryRow? summary;
        await using (var find = scope.CreateCommand($"SELECT {CaseReadModelSql.SummaryColumns} FROM case_summaries WHERE case_id = @id{CaseReadModelSql.ForUpdate(scope.Backend)}"))
        {
            summary = (await CaseReadModelSql.ReadListAsync(find.With("id", caseId), CaseReadModelSql.ReadSummary, cancellationToken)).SingleOrDefault();
        }

        if (summary is null)
        {
            return (CaseReadState.New(caseId), null);
        }

        await using var tasks = scope.CreateCommand($"SELECT {CaseReadModelSql.TaskColumns} FROM open_tasks WHERE case_id = @id");
        var rows = await CaseReadModelSql.ReadListAsync(tasks.With("id", caseId), CaseReadModelSql.ReadTask, cancellationToken);
        return (new CaseReadState(summary, rows), new CaseReadState(summary, rows));
    }

    private static async Task SaveAsync(WriteScope scope, CaseReadState state, CaseReadState? before, CancellationToken cancellationToken)
    {
        if (state.Summary.DefinitionId.Length == 0)
        {
            return; // a stream named like a case that never started one: nothing to show
        }

        var row = state.Row();
        if (row.ScopeKey is { } key && before?.Row().ScopeKey != key)
        {
            await EnsureScopeFreeAsync(scope, row, key, cancellationToken);
        }

        try
        {
            await ExecuteAsync(scope, CaseReadModelSql.UpsertSummary, c => CaseReadModelSql.BindSummary(c, row), cancellationToken);
        }
        catch (DbException ex) when (CaseReadModelSql.IsUniqueViolation(ex))
        {
            // A concurrent launch for the same district committed first (PostgreSQL waits on the index entry).
            throw RunningCaseConflict(row.District, null);
        }

        var old = before?.Tasks ?? [];
        foreach (var gone in old.Keys.Where(id => !state.Tasks.ContainsKey(id)))
        {
            await ExecuteAsync(scope, "DELETE FROM open_tasks WHERE case_id = @c AND task_id = @t", c => c.With("c", row.CaseId).With("t", gone), cancellationToken);
        }

        foreach (var task in state.Tasks.Values.Where(t => !old.TryGetValue(t.TaskId, out var was) || was != t))
        {
            await ExecuteAsync(scope, CaseReadModelSql.UpsertTask, c => CaseReadModelSql.BindTask(c, task), cancellationToken);
        }
    }

    private static async Task EnsureScopeFreeAsync(WriteScope scope, CaseSummaryRow row, string key, CancellationToken cancellationToken)
    {
        await using var find = scope.CreateCommand("SELECT case_id FROM case_summaries WHERE scope_key = @k AND case_id <> @id");
        if (await find.With("k", key).With("id", row.CaseId).ExecuteScalarAsync(cancellationToken) is string existing)
        {
            throw RunningCaseConflict(row.District, existing);
        }
    }

    /// <summary>409: the district already has a case that is not cancelled.</summary>
    public static WorkflowConflict RunningCaseConflict(string district, string? existingCaseId) => new(
        "district-has-case",
        $"{district} đã có hồ sơ đang thực hiện{(existingCaseId is null ? string.Empty : $" ({existingCaseId})")}; mỗi huyện chỉ có một hồ sơ chưa hủy.",
        $"{district} already has a case{(existingCaseId is null ? string.Empty : $" ({existingCaseId})")}; a district has one case that is not cancelled.");

    private static async Task ExecuteAsync(WriteScope scope, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = scope.CreateCommand(sql);
        bind(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What a rebuild read and wrote.</summary>
public sealed record RebuildResult(long Events, int Cases, int OpenTasks);
