using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>A committee the case forms, as given in the case input (from the province plan).</summary>
public sealed record CommitteeView(string Id, string Name, int Members, int Organizations, string? Exception);

/// <summary>One committee's branch of the procedure: where it stands.</summary>
public sealed record BranchView(string BranchId, string Label, string Status, string? CurrentStepId, int CurrentStep, IReadOnlyList<string> CompletedSteps);

/// <summary>A task of a case as the API and pages show it; <see cref="Step"/> is the procedure's step number (0 for unnumbered steps).</summary>
public sealed record TaskView(
    string TaskId,
    string BranchId,
    string Branch,
    string StepId,
    int Step,
    string Kind,
    string TitleVi,
    string TitleEn,
    string AssigneeRole,
    IReadOnlyList<string> CandidateGroups,
    string? Assignee,
    bool Open,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? CompletedBy);

/// <summary>One line of the case's timeline: what happened (a stored event), who did it, when.</summary>
public sealed record TimelineEntry(long Version, DateTimeOffset At, string Actor, string ActorRole, string Type, string? StepId, string SummaryVi, string SummaryEn);

/// <summary>
/// The engine's case state shaped for the API and the pages: province and district from the
/// case input (they decide who may see it), steps numbered as the definition titles them.
/// </summary>
public sealed partial record CaseView(
    string CaseId,
    string DefinitionId,
    int DefinitionVersion,
    string TitleVi,
    string TitleEn,
    string Province,
    string District,
    string Status,
    int CurrentStep,
    IReadOnlyList<CommitteeView> Committees,
    IReadOnlyList<BranchView> Branches,
    IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<TimelineEntry> Timeline,
    long Version,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    string? Reason,
    string? UnitName = null)
{
    public IEnumerable<TaskView> OpenTasks => Tasks.Where(t => t.Open);

    /// <summary>What a page calls the case: the new unit's name for a 2025 unit case (its <see cref="District"/> is the unit's id), else the district.</summary>
    public string Name => UnitName ?? District;

    /// <summary>What a page calls the case, from its state (see <see cref="Name"/>).</summary>
    public static string NameOf(CaseState state) => UnitNameOf(state) ?? DistrictOf(state);

    /// <summary>
    /// The name a task's committee goes by on a page: its own label, or for the case's own steps
    /// (the root branch of a commune formation or a merger, whose key is an engine word) the case's name.
    /// </summary>
    public static string CommitteeLabel(string branchId, string? label, string caseName) =>
        branchId == CaseState.RootBranchId || string.IsNullOrEmpty(label) ? caseName : label;

    public static string ProvinceOf(CaseState state) => Text(state.Input["province"]);

    /// <summary>The part of the province the case is for: its district, or (2025 reform, no districts) its new commune-level unit.</summary>
    public static string DistrictOf(CaseState state) => Text(state.Input["district"] ?? state.Input["unit"]);

    /// <summary>The new commune-level unit's name (2025 unit case); null for a district case.</summary>
    public static string? UnitNameOf(CaseState state) => state.Input["unitName"] is JsonValue v && v.TryGetValue<string>(out var name) && name.Length > 0 ? name : null;

    /// <summary>Which step of its procedure a step is, as its definition numbers it; 0 for a step without a number.</summary>
    public static int StepNumber(StepDefinition? step) => step?.Number ?? 0;

    public static CaseView From(CaseState state, WorkflowDefinition definition, IReadOnlyList<StoredEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(events);
        var tasks = TasksOf(state, definition, state.Tasks.Values, now);
        var branches = BranchesOf(state, definition);
        return new CaseView(
            state.CaseId, state.DefinitionId, state.DefinitionVersion, state.Title.Vi, state.Title.En, ProvinceOf(state), DistrictOf(state),
            state.Status.ToString(), CurrentStepOf(branches), ReadCommittees(state), branches, tasks,
            [.. events.Select(e => Narrate(e, state, definition))], state.Version, state.StartedAt, state.UpdatedAt, state.Reason, UnitNameOf(state));
    }

    /// <summary>The given tasks of the case, oldest first, as the API shows them.</summary>
    public static List<TaskView> TasksOf(CaseState state, WorkflowDefinition definition, IEnumerable<WorkTask> tasks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(definition);
        var steps = definition.AllSteps;
        return [.. tasks.OrderBy(t => t.CreatedAt).Select(t => new TaskView(
            t.Id, t.BranchId, CommitteeLabel(t.BranchId, state.Branches.GetValueOrDefault(t.BranchId)?.Label, NameOf(state)), t.StepId, StepNumber(steps.GetValueOrDefault(t.StepId)), t.Kind,
            t.Title.Vi, t.Title.En, t.AssigneeRole, t.CandidateGroups, t.Assignee, t.Status == WorkTaskStatus.Open, t.Status.ToString(),
            t.CreatedAt, t.DueAt, t.Status == WorkTaskStatus.Open && (t.Overdue || t.DueAt < now), t.CompletedBy))];
    }

    /// <summary>The committees' branches in their order, each with the step it stands at.</summary>
    public static List<BranchView> BranchesOf(CaseState state, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(definition);
        var steps = definition.AllSteps;
        return [.. state.Branches.Values.Where(b => b.ForEachStepId is not null).OrderBy(b => b.Index).Select(b => new BranchView(
            b.Id, b.Label, b.Status.ToString(), b.CurrentStepId, StepNumber(b.CurrentStepId is null ? null : steps.GetValueOrDefault(b.CurrentStepId)), [.. b.CompletedSteps]))];
    }

    /// <summary>The earliest numbered step an active committee stands at (0 when none does).</summary>
    public static int CurrentStepOf(IEnumerable<BranchView> branches) =>
        branches.Where(b => b.Status == nameof(BranchStatus.Active) && b.CurrentStep > 0).Select(b => b.CurrentStep).DefaultIfEmpty(0).Min();

    private static List<CommitteeView> ReadCommittees(CaseState state) =>
        [.. (state.Input["committees"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new CommitteeView(
            Text(c["id"]), Text(c["name"]), c["members"]?.GetValue<int>() ?? 0, (c["organizations"] as JsonArray)?.Count ?? 0, c["exception"]?.GetValue<string>()))];

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;
}
