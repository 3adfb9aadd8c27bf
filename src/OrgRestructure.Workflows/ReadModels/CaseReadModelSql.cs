using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Workflows.ReadModels;

/// <summary>
/// The read model's SQL. One text serves PostgreSQL and SQLite (integer times, 0/1 flags, upserts
/// with ON CONFLICT, NULL-distinct unique indexes); the few differences are named here.
/// </summary>
internal static class CaseReadModelSql
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS case_summaries (
            case_id text PRIMARY KEY,
            definition_id text NOT NULL,
            definition_version integer NOT NULL,
            province text NOT NULL,
            district text NOT NULL,
            scope_key text NULL,
            status text NOT NULL,
            branches text NOT NULL,
            timers text NOT NULL,
            committees integer NOT NULL,
            open_tasks integer NOT NULL,
            missed_tasks integer NOT NULL,
            version bigint NOT NULL,
            last_position bigint NOT NULL,
            started_at bigint NOT NULL,
            updated_at bigint NOT NULL,
            due_at bigint NULL,
            wake_at bigint NULL,
            unit_name text NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS case_summaries_one_per_scope ON case_summaries (scope_key);
        CREATE INDEX IF NOT EXISTS case_summaries_by_scope ON case_summaries (province, district, case_id);
        CREATE INDEX IF NOT EXISTS case_summaries_by_wake ON case_summaries (wake_at) WHERE wake_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS open_tasks (
            case_id text NOT NULL,
            task_id text NOT NULL,
            branch_id text NOT NULL,
            branch_label text NOT NULL,
            step_id text NOT NULL,
            kind text NOT NULL,
            title_vi text NOT NULL,
            title_en text NOT NULL,
            assignee_role text NOT NULL,
            candidate_groups text NOT NULL,
            scope text NULL,
            assignee text NULL,
            province text NOT NULL,
            district text NOT NULL,
            definition_id text NOT NULL,
            definition_version integer NOT NULL,
            created_at bigint NOT NULL,
            due_at bigint NULL,
            due_sort bigint NOT NULL,
            remind_at bigint NULL,
            reminder_sent integer NOT NULL,
            missed integer NOT NULL,
            PRIMARY KEY (case_id, task_id)
        );
        CREATE INDEX IF NOT EXISTS open_tasks_by_scope ON open_tasks (province, district, due_sort, case_id, task_id);
        CREATE INDEX IF NOT EXISTS open_tasks_by_role ON open_tasks (province, assignee_role, due_sort, case_id, task_id);
        CREATE INDEX IF NOT EXISTS open_tasks_by_assignee ON open_tasks (assignee, due_sort, case_id, task_id);
        """;

    public const string SummaryColumns =
        "case_id, definition_id, definition_version, province, district, scope_key, status, branches, timers, committees, open_tasks, " +
        "missed_tasks, version, last_position, started_at, updated_at, due_at, wake_at, unit_name";

    public const string TaskColumns =
        "case_id, task_id, branch_id, branch_label, step_id, kind, title_vi, title_en, assignee_role, candidate_groups, scope, assignee, " +
        "province, district, definition_id, definition_version, created_at, due_at, due_sort, remind_at, reminder_sent, missed";

    /// <summary>The task columns and, last, the case's unit name: the one place a task list needs its case's summary.</summary>
    public const string TaskColumnsWithUnit = TaskColumns + ", (SELECT s.unit_name FROM case_summaries s WHERE s.case_id = open_tasks.case_id)";

    public static readonly string UpsertSummary = Upsert("case_summaries", SummaryColumns, "case_id");

    public static readonly string UpsertTask = Upsert("open_tasks", TaskColumns, "case_id, task_id");

    /// <summary>
    /// Columns added after a store's tables were first made (CREATE TABLE IF NOT EXISTS leaves an old
    /// table as it was): name and type, added by <see cref="CaseReadModelProjection.InitializeAsync"/>.
    /// </summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Type)> AddedColumns = [("case_summaries", "unit_name", "text NULL")];

    /// <summary>Row lock on PostgreSQL so a rebuild (which locks the tables) and an append never interleave; SQLite has one writer anyway.</summary>
    public static string ForUpdate(EventStoreBackend backend) => backend == EventStoreBackend.Postgres ? " FOR UPDATE" : string.Empty;

    /// <summary>Whether the statement broke a unique index (the one-case-per-district key).</summary>
    public static bool IsUniqueViolation(DbException exception) =>
        exception.SqlState == "23505" || exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    public static DbCommand BindSummary(DbCommand command, CaseSummaryRow r) => command
        .With("case_id", r.CaseId).With("definition_id", r.DefinitionId).With("definition_version", r.DefinitionVersion)
        .With("province", r.Province).With("district", r.District).With("scope_key", r.ScopeKey).With("status", r.Status)
        .With("branches", r.Branches).With("timers", r.Timers).With("committees", r.Committees).With("open_tasks", r.OpenTasks)
        .With("missed_tasks", r.MissedTasks).With("version", r.Version).With("last_position", r.LastPosition)
        .With("started_at", r.StartedAt).With("updated_at", r.UpdatedAt).With("due_at", r.DueAt).With("wake_at", r.WakeAt).With("unit_name", r.UnitName);

    public static DbCommand BindTask(DbCommand command, OpenTaskRow t) => command
        .With("case_id", t.CaseId).With("task_id", t.TaskId).With("branch_id", t.BranchId).With("branch_label", t.BranchLabel)
        .With("step_id", t.StepId).With("kind", t.Kind).With("title_vi", t.TitleVi).With("title_en", t.TitleEn)
        .With("assignee_role", t.AssigneeRole).With("candidate_groups", t.CandidateGroups).With("scope", t.Scope).With("assignee", t.Assignee)
        .With("province", t.Province).With("district", t.District).With("definition_id", t.DefinitionId).With("definition_version", t.DefinitionVersion)
        .With("created_at", t.CreatedAt).With("due_at", t.DueAt).With("due_sort", t.DueSort).With("remind_at", t.RemindAt)
        .With("reminder_sent", t.ReminderSent ? 1 : 0).With("missed", t.Missed ? 1 : 0);

    public static CaseSummaryRow ReadSummary(DbDataReader r) => new()
    {
        CaseId = r.GetString(0),
        DefinitionId = r.GetString(1),
        DefinitionVersion = Int(r, 2),
        Province = r.GetString(3),
        District = r.GetString(4),
        ScopeKey = r.IsDBNull(5) ? null : r.GetString(5),
        Status = r.GetString(6),
        Branches = r.GetString(7),
        Timers = r.GetString(8),
        Committees = Int(r, 9),
        OpenTasks = Int(r, 10),
        MissedTasks = Int(r, 11),
        Version = r.GetInt64(12),
        LastPosition = r.GetInt64(13),
        StartedAt = r.GetInt64(14),
        UpdatedAt = r.GetInt64(15),
        DueAt = r.IsDBNull(16) ? null : r.GetInt64(16),
        WakeAt = r.IsDBNull(17) ? null : r.GetInt64(17),
        UnitName = r.IsDBNull(18) ? null : r.GetString(18),
    };

    public static OpenTaskRow ReadTask(DbDataReader r) => new()
    {
        CaseId = r.GetString(0),
        TaskId = r.GetString(1),
        BranchId = r.GetString(2),
        BranchLabel = r.GetString(3),
        StepId = r.GetString(4),
        Kind = r.GetString(5),
        TitleVi = r.GetString(6),
        TitleEn = r.GetString(7),
        AssigneeRole = r.GetString(8),
        CandidateGroups = r.GetString(9),
        Scope = r.IsDBNull(10) ? null : r.GetString(10),
        Assignee = r.IsDBNull(11) ? null : r.GetString(11),
        Province = r.GetString(12),
        District = r.GetString(13),
        DefinitionId = r.GetString(14),
        DefinitionVersion = Int(r, 15),
        CreatedAt = r.GetInt64(16),
        DueAt = r.IsDBNull(17) ? null : r.GetInt64(17),
        DueSort = r.GetInt64(18),
        RemindAt = r.IsDBNull(19) ? null : r.GetInt64(19),
        ReminderSent = Int(r, 20) != 0,
        Missed = Int(r, 21) != 0,
    };

    public static OpenTaskRow ReadTaskWithUnit(DbDataReader r) => ReadTask(r) with { UnitName = r.IsDBNull(22) ? null : r.GetString(22) };

    public static async Task<List<T>> ReadListAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static string Upsert(string table, string columns, string key)
    {
        var names = columns.Split(", ");
        var keys = key.Split(", ");
        return $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))}) ON CONFLICT ({key}) DO UPDATE SET "
            + string.Join(", ", names.Where(n => !keys.Contains(n)).Select(n => $"{n} = excluded.{n}"));
    }
}
