namespace OrgRestructure.Workflows.ReadModels;

/// <summary>
/// One row of <c>case_summaries</c>: what every case list, dashboard and the deadline scan need,
/// kept by <see cref="CaseReadModelProjection"/>. Times are Unix milliseconds (the same column type on
/// both back ends). <see cref="ScopeKey"/> is set while the case holds its district (every status but
/// cancelled); a unique index on it makes "one case per district" a fact the store enforces.
/// </summary>
public sealed record CaseSummaryRow
{
    public required string CaseId { get; init; }

    public string DefinitionId { get; init; } = string.Empty;

    public int DefinitionVersion { get; init; }

    public string Province { get; init; } = string.Empty;

    public string District { get; init; } = string.Empty;

    public string? ScopeKey { get; init; }

    public string Status { get; init; } = string.Empty;

    /// <summary>JSON: the branches (committees) with their current step, see <see cref="BranchPosition"/>.</summary>
    public string Branches { get; init; } = "[]";

    /// <summary>JSON: the timers not fired yet, see <see cref="PendingTimer"/>.</summary>
    public string Timers { get; init; } = "[]";

    public int Committees { get; init; }

    public int OpenTasks { get; init; }

    /// <summary>Open tasks the scheduler already marked overdue (deadline missed).</summary>
    public int MissedTasks { get; init; }

    public long Version { get; init; }

    public long LastPosition { get; init; }

    public long StartedAt { get; init; }

    public long UpdatedAt { get; init; }

    /// <summary>The earliest due date of the open tasks (overdue = this &lt; now, computed at query time).</summary>
    public long? DueAt { get; init; }

    /// <summary>When the scheduler has something to do for the case (reminder, deadline, timer); null when nothing waits on time.</summary>
    public long? WakeAt { get; init; }

    /// <summary>The new commune-level unit's name for a 2025 unit case (its <see cref="District"/> holds the unit's id); null for a district case.</summary>
    public string? UnitName { get; init; }
}

/// <summary>One row of <c>open_tasks</c>: a task someone can pick up, with the case facts the inbox filters on.</summary>
public sealed record OpenTaskRow
{
    public required string CaseId { get; init; }

    public required string TaskId { get; init; }

    public string BranchId { get; init; } = string.Empty;

    public string BranchLabel { get; init; } = string.Empty;

    public string StepId { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    public string TitleVi { get; init; } = string.Empty;

    public string TitleEn { get; init; } = string.Empty;

    public string AssigneeRole { get; init; } = string.Empty;

    /// <summary>"|role-a|role-b|" so a group is found with one LIKE on either back end.</summary>
    public string CandidateGroups { get; init; } = "|";

    public string? Scope { get; init; }

    public string? Assignee { get; init; }

    public string Province { get; init; } = string.Empty;

    public string District { get; init; } = string.Empty;

    public string DefinitionId { get; init; } = string.Empty;

    public int DefinitionVersion { get; init; }

    public long CreatedAt { get; init; }

    public long? DueAt { get; init; }

    /// <summary>The inbox's sort key: the due date, or <see cref="long.MaxValue"/> (no due date sorts last).</summary>
    public long DueSort { get; init; }

    public long? RemindAt { get; init; }

    public bool ReminderSent { get; init; }

    public bool Missed { get; init; }

    /// <summary>The case's new unit name (2025 unit case) as the inbox reads it from <c>case_summaries</c>; not a column of <c>open_tasks</c>.</summary>
    public string? UnitName { get; init; }

    public IReadOnlyList<string> Groups => CandidateGroups.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string PackGroups(IEnumerable<string> groups) => "|" + string.Concat(groups.Select(g => g + "|"));
}

/// <summary>Where one branch of a case stands; <see cref="ForEach"/> is false for the case's main line.</summary>
public sealed record BranchPosition(string Id, string Label, bool ForEach, int Index, string Status, string? StepId);

public sealed record PendingTimer(string Id, long DueAt);
