using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Activities;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>Task commands: claim, release, reassign, complete (resume a bookmark).</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>Roles that may act on any task (e.g. to reassign one whose holder is away).</summary>
    public static readonly IReadOnlySet<string> AdministratorRoles = new HashSet<string>(StringComparer.Ordinal) { "admin", "system" };

    public Task<CaseCommandResult> ClaimTaskAsync(string caseId, string taskId, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, actor, options, session =>
        {
            var task = OpenTask(session, taskId, actor);
            if (task.Assignee == actor.Id)
            {
                throw new WorkflowConflict("task-already-claimed", $"Bạn đã nhận nhiệm vụ {taskId}.", $"You already hold task {taskId}.");
            }

            session.Emit(new TaskClaimed(taskId, actor.Id, session.Now));
        }, cancellationToken);

    public Task<CaseCommandResult> ReleaseTaskAsync(string caseId, string taskId, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, actor, options, session =>
        {
            var task = OpenTask(session, taskId, actor);
            if (task.Assignee is null)
            {
                throw new WorkflowConflict("task-not-claimed", $"Nhiệm vụ {taskId} chưa có ai nhận.", $"Task {taskId} is not claimed.");
            }

            session.Emit(new TaskReleased(taskId, actor.Id, session.Now));
        }, cancellationToken);

    public Task<CaseCommandResult> ReassignTaskAsync(string caseId, string taskId, string? toAssignee, string? toRole, string reason, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, actor, options, session =>
        {
            RequireReason(reason);
            var task = OpenTask(session, taskId, actor, allowOthersClaim: true);
            if (toAssignee is null && toRole is null)
            {
                throw WorkflowRuleViolation.Form([new("toAssignee", "phải chỉ định người hoặc vai trò nhận", "name a person or a role to reassign to")]);
            }

            session.Emit(new TaskReassigned(taskId, task.Assignee, toAssignee, toRole, actor.Id, reason, session.Now));
        }, cancellationToken);

    public Task<CaseCommandResult> CompleteTaskAsync(string caseId, string taskId, JsonObject data, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, actor, options, session =>
        {
            var task = OpenTask(session, taskId, actor);
            var branch = session.State.Branches[task.BranchId];
            if (branch.CurrentStepId != task.StepId || branch.Status != BranchStatus.Active)
            {
                throw new StepNotCurrent(task.StepId, branch.CurrentStepId);
            }

            var submitted = data.Normalized();
            FormValidator.Ensure(task.Form, submitted);
            var step = session.Definition.Step(task.StepId);
            DateOrderCheck.Enforce(new StepContext(session, branch, step), task, submitted);
            session.Emit(new TaskCompleted(taskId, actor.Id, submitted, session.Now));
            ActivityCatalog.Get(step.Kind).Complete(new StepContext(session, session.State.Branches[branch.Id], step), session.State.Tasks[taskId], submitted);
        }, cancellationToken);

    /// <summary>The open task the actor may act on, or the reason they may not.</summary>
    private static WorkTask OpenTask(CaseSession session, string taskId, Actor actor, bool allowOthersClaim = false)
    {
        EnsureRunning(session.State);
        if (!session.State.Tasks.TryGetValue(taskId, out var task))
        {
            throw WorkflowNotFound.Task(taskId);
        }

        if (task.Status != WorkTaskStatus.Open)
        {
            throw new WorkflowConflict(
                "task-not-open",
                $"Nhiệm vụ {taskId} đã {(task.Status == WorkTaskStatus.Completed ? "hoàn thành" : "bị hủy")}; không thực hiện lại.",
                $"Task {taskId} is already {task.Status.ToString().ToLowerInvariant()}; it is not done twice.");
        }

        var administrator = AdministratorRoles.Contains(actor.Role);
        if (!administrator && actor.Role != task.AssigneeRole && !task.CandidateGroups.Contains(actor.Role) && task.Assignee != actor.Id)
        {
            throw new TaskNotAllowed(
                "not-in-candidate-group",
                $"Vai trò '{actor.Role}' không được giao nhiệm vụ {taskId} (dành cho '{task.AssigneeRole}').",
                $"Role '{actor.Role}' may not work task {taskId} (it is for '{task.AssigneeRole}').");
        }

        if (!allowOthersClaim && !administrator && task.Assignee is not null && task.Assignee != actor.Id)
        {
            throw new TaskNotAllowed(
                "task-claimed-by-other",
                $"Nhiệm vụ {taskId} đang do {task.Assignee} thực hiện.",
                $"Task {taskId} is held by {task.Assignee}.");
        }

        return task;
    }

    private static void EnsureRunning(CaseState state)
    {
        if (state.Status != CaseStatus.Running)
        {
            throw new CaseNotActive(state.CaseId, state.Status.ToString().ToLowerInvariant());
        }
    }

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw WorkflowRuleViolation.Form([new("reason", "bắt buộc phải ghi lý do", "a reason is required")]);
        }
    }
}
