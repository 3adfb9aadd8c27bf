using System.Runtime.CompilerServices;
using System.Text.Json;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>
/// A case as every list shows it: its read-model row with step numbers from its definition and
/// overdue as of now. <see cref="Name"/> is what a list calls the case: the new unit's name for a
/// 2025 unit case, else its district; <see cref="Steps"/> is how many numbered steps its own definition has.
/// </summary>
public sealed record CaseSummary(
    string CaseId,
    string DefinitionId,
    int DefinitionVersion,
    string Province,
    string District,
    string Status,
    int CurrentStep,
    int OpenTasks,
    int Committees,
    long Version,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    int CommitteesFormed = 0,
    string? UnitName = null,
    int Steps = 0)
{
    public string Name => UnitName ?? District;

    /// <summary>"3/7", or "—" before the first numbered step.</summary>
    public string StepLabel => CurrentStep == 0 ? "—" : $"{CurrentStep}/{Steps}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CaseSummary From(CaseSummaryRow row, WorkflowDefinitionRegistry definitions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(definitions);
        var due = row.DueAt is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : (DateTimeOffset?)null;
        var definition = definitions.Find(row.DefinitionId, row.DefinitionVersion);
        var branches = JsonSerializer.Deserialize<List<BranchPosition>>(row.Branches, Json) ?? [];
        return new CaseSummary(
            row.CaseId, row.DefinitionId, row.DefinitionVersion, row.Province, row.District, row.Status,
            StepOf(branches, definition), row.OpenTasks, row.Committees, row.Version,
            DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAt), DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt), due,
            row.OpenTasks > 0 && (row.MissedTasks > 0 || due < now),
            branches.Count(b => b.ForEach && b.Status == nameof(BranchStatus.Completed)), row.UnitName, StepCount(definition));
    }

    // A list shows many cases of few definitions: each definition's step count is worked out once.
    private static readonly ConditionalWeakTable<WorkflowDefinition, StrongBox<int>> StepCounts = new();

    /// <summary>The highest step number of a definition (7 for the formation procedure, 4 for a 2025 unit); 0 when unknown.</summary>
    public static int StepCount(WorkflowDefinition? definition) =>
        definition is null ? 0 : StepCounts.GetValue(definition, d => new StrongBox<int>(d.AllSteps.Values.Select(CaseView.StepNumber).DefaultIfEmpty(0).Max())).Value;

    /// <summary>
    /// The lowest numbered step an active branch is at, as <see cref="CaseView"/> computes it for
    /// committee branches; a case without committee branches (a 2025 unit) is at its main line's step.
    /// </summary>
    private static int StepOf(List<BranchPosition> branches, WorkflowDefinition? definition)
    {
        if (definition is null)
        {
            return 0;
        }

        return branches
            .Where(b => b.Status == nameof(BranchStatus.Active) && b.StepId is not null)
            .Select(b => CaseView.StepNumber(definition.AllSteps.GetValueOrDefault(b.StepId!)))
            .Where(n => n > 0)
            .DefaultIfEmpty(0)
            .Min();
    }
}
