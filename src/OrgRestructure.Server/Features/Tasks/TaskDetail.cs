using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>
/// One task as a client needs it to do the work without the definition files: its form (fields,
/// types, required, limits, options with their words, bilingual labels), the data the step hands the
/// assignee (raw, and described as the task page shows it in both languages), and who holds it.
/// </summary>
public sealed record TaskDetail(
    string CaseId,
    string TaskId,
    string BranchId,
    string StepId,
    string Kind,
    LocalizedText Title,
    string Status,
    string AssigneeRole,
    IReadOnlyList<string> CandidateGroups,
    string? Assignee,
    DateTimeOffset? DueAt,
    IReadOnlyList<FormField> Form,
    JsonObject Context,
    IReadOnlyList<ContextEntry> ContextVi,
    IReadOnlyList<ContextEntry> ContextEn)
{
    public static TaskDetail From(CaseState state, WorkTask task, WorkflowDefinition? definition) => new(
        state.CaseId,
        task.Id,
        task.BranchId,
        task.StepId,
        task.Kind,
        task.Title,
        task.Status.ToString(),
        task.AssigneeRole,
        task.CandidateGroups,
        task.Assignee,
        task.DueAt,
        task.Form,
        task.Context,
        StepContextView.Describe(task.Context, definition, english: false),
        StepContextView.Describe(task.Context, definition, english: true));
}
