using System.Data.Common;
using System.Globalization;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.ReadModels;

/// <summary>Who asks for tasks: their user name and engine role; <see cref="Everything"/> for an administrator.</summary>
public sealed record TaskFilter(string UserName, string Role, bool Everything = false, bool? Mine = null, bool? Overdue = null);

/// <summary>
/// The queries over <c>case_summaries</c> and <c>open_tasks</c>: the caller's scope, the filters and
/// the sort are in the SQL, and every list is a keyset page. Nothing here reads an event stream.
/// </summary>
public sealed class CaseReadModel(IRelationalEventStore store) : IDueCaseIndex
{
    public async Task<CaseSummaryRow?> FindAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand($"SELECT {CaseReadModelSql.SummaryColumns} FROM case_summaries WHERE case_id = @id");
        return (await CaseReadModelSql.ReadListAsync(command.With("id", caseId), CaseReadModelSql.ReadSummary, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Cases in scope by district then case id; optional status and district filters.</summary>
    public async Task<Page<CaseSummaryRow>> ListCasesAsync(ReadScope scope, string? status, string? district, int? limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var take = PageCursor.Limit(limit);
        var after = PageCursor.Decode(cursor, 2);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(string.Empty);
        var where = Scope(command, scope);
        if (status is not null)
        {
            where += " AND lower(status) = @status";
            command.With("status", status.ToLowerInvariant());
        }

        if (district is not null)
        {
            where += " AND district = @district";
            command.With("district", district);
        }

        if (after is not null)
        {
            where += " AND (district > @k0 OR (district = @k0 AND case_id > @k1))";
            command.With("k0", after[0]).With("k1", after[1]);
        }

        command.CommandText = $"SELECT {CaseReadModelSql.SummaryColumns} FROM case_summaries WHERE {where} ORDER BY district, case_id LIMIT @limit";
        var rows = await CaseReadModelSql.ReadListAsync(command.With("limit", take + 1), CaseReadModelSql.ReadSummary, cancellationToken);
        return PageOf(rows, take, r => PageCursor.Encode(r.District, r.CaseId));
    }

    /// <summary>Open tasks in scope the filter's person may work, most urgent first, each with its case's unit name.</summary>
    public async Task<Page<OpenTaskRow>> ListTasksAsync(ReadScope scope, TaskFilter filter, DateTimeOffset now, int? limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var take = PageCursor.Limit(limit);
        var after = PageCursor.Decode(cursor, 3);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(string.Empty);
        var where = Scope(command, scope) + " AND " + Overdue(command, filter.Overdue, now);
        if (!filter.Everything)
        {
            where += " AND (assignee = @me OR (assignee IS NULL AND (assignee_role = @role OR candidate_groups LIKE @group)))";
            command.With("role", filter.Role).With("group", "%|" + filter.Role + "|%");
        }

        if (!filter.Everything || filter.Mine is not null)
        {
            command.With("me", filter.UserName);
        }

        where += filter.Mine switch
        {
            true => " AND assignee = @me",
            false => " AND (assignee IS NULL OR assignee <> @me)",
            null => string.Empty,
        };
        if (after is not null)
        {
            where += " AND (due_sort > @k0 OR (due_sort = @k0 AND (case_id > @k1 OR (case_id = @k1 AND task_id > @k2))))";
            command.With("k0", long.Parse(after[0], CultureInfo.InvariantCulture)).With("k1", after[1]).With("k2", after[2]);
        }

        command.CommandText = $"SELECT {CaseReadModelSql.TaskColumnsWithUnit} FROM open_tasks WHERE {where} ORDER BY due_sort, case_id, task_id LIMIT @limit";
        var rows = await CaseReadModelSql.ReadListAsync(command.With("limit", take + 1), CaseReadModelSql.ReadTaskWithUnit, cancellationToken);
        return PageOf(rows, take, r => PageCursor.Encode(r.DueSort.ToString(CultureInfo.InvariantCulture), r.CaseId, r.TaskId));
    }

    /// <summary>Cases in scope per status, counted by the database; <paramref name="holdingDistrict"/> leaves out cancelled ones.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(ReadScope scope, bool holdingDistrict, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(string.Empty);
        var live = holdingDistrict ? " AND scope_key IS NOT NULL" : string.Empty;
        command.CommandText = $"SELECT status, count(*) FROM case_summaries WHERE {Scope(command, scope)}{live} GROUP BY status";
        var counts = await CaseReadModelSql.ReadListAsync(command, r => (r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)), cancellationToken);
        return counts.ToDictionary(c => c.Item1, c => c.Item2, StringComparer.Ordinal);
    }

    /// <summary>
    /// One case per district in scope (a province's districts: the dashboard's rows): the one that
    /// holds the district, else the latest cancelled one.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummaryRow>> LatestPerDistrictAsync(ReadScope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(string.Empty);
        command.CommandText = $"SELECT {CaseReadModelSql.SummaryColumns} FROM case_summaries s WHERE {Scope(command, scope)} " +
            "AND NOT EXISTS (SELECT 1 FROM case_summaries n WHERE n.province = s.province AND n.district = s.district AND n.case_id <> s.case_id AND (" +
            "(n.scope_key IS NOT NULL AND s.scope_key IS NULL) OR ((n.scope_key IS NULL) = (s.scope_key IS NULL) " +
            "AND (n.started_at > s.started_at OR (n.started_at = s.started_at AND n.case_id > s.case_id))))) ORDER BY district, case_id";
        return await CaseReadModelSql.ReadListAsync(command, CaseReadModelSql.ReadSummary, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> DueCaseIdsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT case_id FROM case_summaries WHERE wake_at IS NOT NULL AND wake_at <= @now ORDER BY wake_at, case_id");
        return await CaseReadModelSql.ReadListAsync(command.With("now", now.ToUnixTimeMilliseconds()), r => r.GetString(0), cancellationToken);
    }

    /// <summary>How far the read model is: its rows and the last case event it folded, against the log's.</summary>
    /// <summary>How many tasks are open in all (the open-tasks gauge): one COUNT, no fold.</summary>
    public async Task<long> OpenTaskCountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT count(*) FROM open_tasks");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<ReadModelStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            "SELECT (SELECT count(*) FROM case_summaries), (SELECT count(*) FROM open_tasks), (SELECT coalesce(max(last_position), 0) FROM case_summaries), " +
            "(SELECT coalesce(max(position), 0) FROM events WHERE stream_id LIKE @prefix), (SELECT count(*) FROM events WHERE stream_id LIKE @prefix AND position > (SELECT coalesce(max(last_position), 0) FROM case_summaries))");
        command.With("prefix", CaseStreamFolder.StreamPrefix + "%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ReadModelStatus(CaseReadModelProjection.Name, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    private static string Scope(DbCommand command, ReadScope scope)
    {
        if (scope.Province is null)
        {
            return "province IS NOT NULL";
        }

        command.With("province", scope.Province);
        if (scope.District is null)
        {
            return "province = @province";
        }

        command.With("scope_district", scope.District);
        return "province = @province AND district = @scope_district";
    }

    private static string Overdue(DbCommand command, bool? overdue, DateTimeOffset now)
    {
        command.With("now", now.ToUnixTimeMilliseconds());
        return overdue switch
        {
            true => "(missed = 1 OR due_at < @now)",
            false => "(missed = 0 AND (due_at IS NULL OR due_at >= @now))",
            null => "@now = @now",
        };
    }

    private static Page<T> PageOf<T>(List<T> rows, int take, Func<T, string> cursorOf) =>
        rows.Count > take ? new Page<T>(rows.Take(take).ToList(), cursorOf(rows[take - 1])) : new Page<T>(rows, null);
}

/// <summary>
/// The inline read model's standing: <see cref="Lag"/> counts case events stored after the last one
/// it folded (0 when in step; inline projections commit with the events, so only a truncation or a
/// store written without the projection shows a lag).
/// </summary>
public sealed record ReadModelStatus(string Name, long Cases, long OpenTasks, long Position, long LogPosition, long Lag);
