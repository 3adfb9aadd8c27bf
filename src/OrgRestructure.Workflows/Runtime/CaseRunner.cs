using OrgRestructure.Workflows.Activities;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// Runs a case forward until every active branch waits on a bookmark (a task, a timer, or a
/// ForEach waiting for its branches) or the case ends. Deterministic: branches are visited in
/// the order they were created.
/// </summary>
internal static class CaseRunner
{
    private const int MaxStepsPerCommand = 10_000;

    public static void Advance(CaseSession session)
    {
        for (var guard = 0; guard < MaxStepsPerCommand; guard++)
        {
            if (session.State.Status != CaseStatus.Running || !AdvanceOne(session))
            {
                return;
            }
        }

        throw new WorkflowRuleViolation(
            "workflow-loop",
            "Quy trình lặp vô hạn (điều kiện chuyển bước luôn quay lại); kiểm tra lại định nghĩa quy trình.",
            "The workflow loops without waiting for anyone; check the definition's transitions.",
            statusHint: 500);
    }

    /// <summary>Does one thing that needs doing; false when everything waits.</summary>
    private static bool AdvanceOne(CaseSession session)
    {
        var state = session.State;
        foreach (var branch in state.Branches.Values.Where(b => b.Status == BranchStatus.Active).ToList())
        {
            if (branch.CurrentStepId is { } stepId && !branch.CurrentStarted)
            {
                StartStep(session, branch, stepId);
                return true;
            }

            if (branch.CurrentStepId is null)
            {
                EndBranch(session, branch);
                return true;
            }
        }

        return false;
    }

    private static void StartStep(CaseSession session, BranchState branch, string stepId)
    {
        var step = session.Definition.Step(stepId);
        var attempt = branch.Attempts.GetValueOrDefault(stepId) + 1;
        session.Emit(new StepStarted(branch.Id, stepId, attempt, session.Now));
        ActivityCatalog.Get(step.Kind).Start(new StepContext(session, session.State.Branches[branch.Id], step));
    }

    private static void EndBranch(CaseSession session, BranchState branch)
    {
        if (branch.ParentId is null)
        {
            session.Emit(new CaseCompleted(session.Now));
            return;
        }

        session.Emit(new BranchCompleted(branch.Id, session.Now));
        NotifyParent(session, branch);
    }

    /// <summary>Lets the ForEach that fanned out <paramref name="child"/> decide whether to join.</summary>
    public static void NotifyParent(CaseSession session, BranchState child)
    {
        var parent = session.State.Branches[child.ParentId!];
        var step = session.Definition.Step(child.ForEachStepId!);
        if (parent.Status == BranchStatus.Active && parent.CurrentStepId == step.Id)
        {
            ActivityCatalog.Get(step.Kind).OnBranchEnded(new StepContext(session, parent, step), child);
        }
    }

    /// <summary>Cancels a branch, its open tasks and its own sub-branches.</summary>
    public static void CancelBranch(CaseSession session, BranchState branch, string reason)
    {
        foreach (var child in session.State.Branches.Values.Where(b => b.ParentId == branch.Id && b.Status == BranchStatus.Active).ToList())
        {
            CancelBranch(session, child, reason);
        }

        CancelOpenTasks(session, t => t.BranchId == branch.Id, reason);
        session.Emit(new BranchCancelled(branch.Id, reason, session.Now));
    }

    public static void CancelOpenTasks(CaseSession session, Func<WorkTask, bool> which, string reason)
    {
        foreach (var task in session.State.OpenTasks.Where(which).ToList())
        {
            session.Emit(new TaskCancelled(task.Id, reason, session.Now));
        }
    }
}
