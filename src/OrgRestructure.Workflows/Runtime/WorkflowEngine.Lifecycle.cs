using OrgRestructure.Workflows.Activities;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.State;
using System.Text.Json.Nodes;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>Case-level commands: return to a step, cancel, suspend/resume, deadlines and timers.</summary>
public sealed partial class WorkflowEngine
{
    public Task<CaseCommandResult> ReturnToStepAsync(string caseId, string branchId, string stepId, string reason, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, actor, options, session =>
        {
            RequireReason(reason);
            EnsureRunning(session.State);
            if (!session.State.Branches.TryGetValue(branchId, out var branch) || branch.Status != BranchStatus.Active || branch.CurrentStepId is null)
            {
                throw new WorkflowNotFound("branch-not-found", $"Không có nhánh đang chạy {branchId}.", $"No active branch {branchId}.");
            }

            if (!branch.CompletedSteps.Contains(stepId))
            {
                throw new StepNotCurrent(stepId, branch.CurrentStepId);
            }

            foreach (var child in session.State.Branches.Values.Where(b => b.ParentId == branchId && b.Status == BranchStatus.Active).ToList())
            {
                CaseRunner.CancelBranch(session, child, reason);
            }

            CaseRunner.CancelOpenTasks(session, t => t.BranchId == branchId, reason);
            session.Emit(new StepReturned(branchId, branch.CurrentStepId, stepId, reason, actor.Id, session.Now));
        }, cancellationToken);

    public Task<CaseCommandResult> CancelCaseAsync(string caseId, string reason, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, actor, options, session =>
        {
            RequireReason(reason);
            if (session.State.Status is CaseStatus.Cancelled or CaseStatus.Completed)
            {
                throw new CaseNotActive(caseId, session.State.Status.ToString().ToLowerInvariant());
            }

            CaseRunner.CancelOpenTasks(session, _ => true, reason);
            session.Emit(new CaseCancelled(reason, actor.Id, session.Now));
        }, cancellationToken);

    public Task<CaseCommandResult> SuspendAsync(string caseId, string reason, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, actor, options, session =>
        {
            RequireReason(reason);
            EnsureRunning(session.State);
            session.Emit(new CaseSuspended(reason, actor.Id, session.Now));
        }, cancellationToken);

    public Task<CaseCommandResult> ResumeAsync(string caseId, Actor actor, CommandOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(caseId, actor, options, session =>
        {
            if (session.State.Status != CaseStatus.Suspended)
            {
                throw new CaseNotActive(caseId, session.State.Status.ToString().ToLowerInvariant());
            }

            session.Emit(new CaseResumed(actor.Id, session.Now));
        }, cancellationToken);

    public async Task<CaseCommandResult> FireDueTimersAsync(string caseId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var state = await GetCaseAsync(caseId, cancellationToken);
        if (state.Status != CaseStatus.Running)
        {
            return new CaseCommandResult(caseId, state.Version, state.Version, false, [], state);
        }

        return await ExecuteAsync(caseId, Actor.System, null, session => FireDue(session, now), cancellationToken, now);
    }

    public async Task<IReadOnlyList<CaseCommandResult>> FireDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var changed = new List<CaseCommandResult>();
        // The read model knows which cases wait on time; without one (the in-memory store) every case is looked at.
        var candidates = dueCases is null ? await CaseIdsAsync(cancellationToken) : await dueCases.DueCaseIdsAsync(now, cancellationToken);
        foreach (var caseId in candidates)
        {
            var result = await FireDueTimersAsync(caseId, now, cancellationToken);
            if (result.EventTypes.Count > 0)
            {
                changed.Add(result);
            }
        }

        return changed;
    }

    private static void FireDue(CaseSession session, DateTimeOffset now)
    {
        foreach (var task in session.State.OpenTasks.OrderBy(t => t.Id, StringComparer.Ordinal).ToList())
        {
            var context = new StepContext(session, session.State.Branches[task.BranchId], session.Definition.Step(task.StepId));
            var data = new JsonObject { ["taskId"] = task.Id, ["dueAt"] = task.DueAt };
            if (task.RemindAt is { } remind && remind <= now && !task.ReminderSent && !(task.DueAt <= now))
            {
                session.Emit(new DeadlineApproaching(task.Id, task.DueAt!.Value, now));
                context.RequestNotification("deadline-approaching", [task.AssigneeRole], new($"Sắp đến hạn: {task.Title.Vi}", $"Due soon: {task.Title.En}"), data);
            }

            if (task.DueAt is { } due && due <= now && !task.Overdue)
            {
                session.Emit(new DeadlineMissed(task.Id, due, task.EscalateTo, now));
                if (task.EscalateTo is { } role)
                {
                    session.Emit(new TaskReassigned(task.Id, task.Assignee, null, role, Actor.System.Id, "deadline missed / quá hạn", now));
                }

                context.RequestNotification("deadline-missed", task.EscalateTo is null ? [task.AssigneeRole] : [task.EscalateTo, task.AssigneeRole], new($"Quá hạn: {task.Title.Vi}", $"Overdue: {task.Title.En}"), data);
            }
        }

        foreach (var timer in session.State.Timers.Values.Where(t => !t.Fired && t.DueAt <= now).ToList())
        {
            session.Emit(new TimerFired(timer.Id, now));
            var branch = session.State.Branches[timer.BranchId];
            if (branch.Status == BranchStatus.Active && branch.CurrentStepId == timer.StepId)
            {
                var step = session.Definition.Step(timer.StepId);
                ActivityCatalog.Get(step.Kind).OnTimerFired(new StepContext(session, branch, step), timer);
            }
        }
    }
}
