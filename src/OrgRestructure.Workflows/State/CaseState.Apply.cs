using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.State;

/// <summary>The fold: one static Apply per event type (Marten-style); no clock, no I/O, no randomness.</summary>
public sealed partial class CaseState
{
    /// <summary>Folds a whole stream (events numbered from 1).</summary>
    public static CaseState Fold(IEnumerable<ICaseEvent> events)
    {
        var state = new CaseState();
        foreach (var e in events)
        {
            state = state.Apply(e);
        }

        return state;
    }

    /// <summary>Applies one event and advances <see cref="Version"/>.</summary>
    public CaseState Apply(ICaseEvent e)
    {
        var state = e switch
        {
            CaseStarted x => Apply(this, x),
            BranchStarted x => Apply(this, x),
            BranchCompleted x => Apply(this, x),
            BranchCancelled x => Apply(this, x),
            StepStarted x => Apply(this, x),
            StepCompleted x => Apply(this, x),
            StepReturned x => Apply(this, x),
            TaskCreated x => Apply(this, x),
            TaskClaimed x => Apply(this, x),
            TaskReleased x => Apply(this, x),
            TaskReassigned x => Apply(this, x),
            TaskCompleted x => Apply(this, x),
            TaskCancelled x => Apply(this, x),
            CandidateVetted x => Apply(this, x),
            VoteRecorded x => Apply(this, x),
            CandidateOverrideRecorded x => Apply(this, x),
            DecisionRecorded x => Apply(this, x),
            NotificationRequested x => Apply(this, x),
            TimerScheduled x => Apply(this, x),
            TimerFired x => Apply(this, x),
            DeadlineApproaching x => Apply(this, x),
            DeadlineMissed x => Apply(this, x),
            CaseSuspended x => Apply(this, x),
            CaseResumed x => Apply(this, x),
            CaseCancelled x => Apply(this, x),
            CaseCompleted x => Apply(this, x),
            // Outcome records (votes, elections, approvals, gates, announcements) reach the state
            // through the StepCompleted output that follows them.
            _ => this,
        };
        state.Version++;
        return state;
    }

    public static CaseState Apply(CaseState s, CaseStarted e)
    {
        s.CaseId = e.CaseId;
        s.DefinitionId = e.DefinitionId;
        s.DefinitionVersion = e.DefinitionVersion;
        s.DefinitionHash = e.DefinitionHash;
        s.Title = e.Title;
        s.Input = (JsonObject)e.Input.DeepClone();
        s.Parameters = (JsonObject)e.Parameters.DeepClone();
        s.StartedBy = e.StartedBy;
        s.StartedAt = e.At;
        s.Status = CaseStatus.Running;
        s.Branches[RootBranchId] = new BranchState { Id = RootBranchId, Label = RootBranchId, Status = BranchStatus.Active, CurrentStepId = e.FirstStepId };
        return Touch(s, e.At, "case-started", null, null, e.DefinitionId + " v" + e.DefinitionVersion);
    }

    public static CaseState Apply(CaseState s, BranchStarted e)
    {
        s.Branches[e.BranchId] = new BranchState
        {
            Id = e.BranchId,
            ParentId = e.ParentBranchId,
            ForEachStepId = e.ForEachStepId,
            Index = e.Index,
            Label = e.Label,
            Item = e.Item?.DeepClone(),
            Status = BranchStatus.Active,
            CurrentStepId = e.FirstStepId,
        };
        return Touch(s, e.At, "branch-started", e.BranchId, e.ForEachStepId, e.Label);
    }

    public static CaseState Apply(CaseState s, BranchCompleted e)
    {
        s.Branches[e.BranchId].Status = BranchStatus.Completed;
        return Touch(s, e.At, "branch-completed", e.BranchId, null, null);
    }

    public static CaseState Apply(CaseState s, BranchCancelled e)
    {
        var b = s.Branches[e.BranchId];
        b.Status = BranchStatus.Cancelled;
        return Touch(s, e.At, "branch-cancelled", e.BranchId, b.CurrentStepId, e.Reason);
    }

    public static CaseState Apply(CaseState s, StepStarted e)
    {
        var b = s.Branches[e.BranchId];
        b.CurrentStepId = e.StepId;
        b.CurrentStarted = true;
        b.Attempts[e.StepId] = e.Attempt;
        b.Outputs.Remove(e.StepId);
        b.Vetting.Remove(e.StepId);
        return Touch(s, e.At, "step-started", e.BranchId, e.StepId, "attempt " + e.Attempt);
    }

    public static CaseState Apply(CaseState s, StepCompleted e)
    {
        var b = s.Branches[e.BranchId];
        b.CompletedSteps.Add(e.StepId);
        b.Outputs[e.StepId] = e.Output?.DeepClone();
        if (b.PendingReturn?.ToStepId == e.StepId)
        {
            b.PendingReturn = null;
        }

        b.CurrentStepId = e.NextStepId;
        b.CurrentStarted = false;
        return Touch(s, e.At, "step-completed", e.BranchId, e.StepId, e.Outcome);
    }

    public static CaseState Apply(CaseState s, StepReturned e)
    {
        var b = s.Branches[e.BranchId];
        var index = b.CompletedSteps.IndexOf(e.ToStepId);
        if (index >= 0)
        {
            b.CompletedSteps.RemoveRange(index, b.CompletedSteps.Count - index);
        }

        b.CurrentStepId = e.ToStepId;
        b.CurrentStarted = false;
        b.PendingReturn = e;
        return Touch(s, e.At, "step-returned", e.BranchId, e.FromStepId, $"→ {e.ToStepId}: {e.Reason}");
    }

    public static CaseState Apply(CaseState s, TaskCreated e)
    {
        s.Tasks[e.TaskId] = new WorkTask
        {
            Id = e.TaskId,
            CaseId = s.CaseId,
            BranchId = e.BranchId,
            StepId = e.StepId,
            Kind = e.Kind,
            Title = e.Title,
            AssigneeRole = e.AssigneeRole,
            CandidateGroups = e.CandidateGroups,
            Scope = e.Scope,
            DueAt = e.DueAt,
            RemindAt = e.RemindAt,
            EscalateTo = e.EscalateTo,
            Form = e.Form,
            Context = (JsonObject)e.Context.DeepClone(),
            CreatedAt = e.At,
            Status = WorkTaskStatus.Open,
        };
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, TaskClaimed e)
    {
        s.Tasks[e.TaskId].Assignee = e.By;
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, TaskReleased e)
    {
        s.Tasks[e.TaskId].Assignee = null;
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, TaskReassigned e)
    {
        var t = s.Tasks[e.TaskId];
        t.Assignee = e.ToAssignee;
        if (e.ToRole is not null)
        {
            t.AssigneeRole = e.ToRole;
        }

        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, TaskCompleted e)
    {
        var t = s.Tasks[e.TaskId];
        t.Status = WorkTaskStatus.Completed;
        t.CompletedBy = e.By;
        t.CompletedAt = e.At;
        t.Data = (JsonObject)e.Data.DeepClone();
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, TaskCancelled e)
    {
        s.Tasks[e.TaskId].Status = WorkTaskStatus.Cancelled;
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, CandidateVetted e)
    {
        var b = s.Branches[e.BranchId];
        if (!b.Vetting.TryGetValue(e.StepId, out var verdicts))
        {
            verdicts = new Dictionary<string, CandidateVetted>(StringComparer.Ordinal);
            b.Vetting[e.StepId] = verdicts;
        }

        verdicts[e.Candidate] = e;
        var explanation = e.Approved
            ? new LocalizedText($"{e.Candidate}: đạt thẩm định", $"{e.Candidate}: passed vetting")
            : new LocalizedText($"{e.Candidate}: không đạt thẩm định — {e.Reason}", $"{e.Candidate}: failed vetting — {e.Reason}");
        RecordOutcome(b, e.Candidate, new CandidateStepOutcome(e.StepId, "vetting", e.Approved, explanation));
        return Touch(s, e.At);
    }

    /// <summary>A valid conference's verdict on each candidate becomes part of what later steps see.</summary>
    public static CaseState Apply(CaseState s, VoteRecorded e)
    {
        var b = s.Branches[e.BranchId];
        foreach (var r in e.Results)
        {
            RecordOutcome(b, r.Candidate, new CandidateStepOutcome(e.StepId, "confidence-vote", r.Passed, r.Explanation));
        }

        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, CandidateOverrideRecorded e)
    {
        s.Branches[e.BranchId].Overrides.Add(e);
        return Touch(s, e.At, "candidate-override-recorded", e.BranchId, e.StepId, $"{e.Candidate}: {e.DecidedBy} — {e.Reason}");
    }

    private static void RecordOutcome(BranchState b, string candidate, CandidateStepOutcome outcome)
    {
        if (!b.Outcomes.TryGetValue(candidate, out var byStep))
        {
            byStep = new Dictionary<string, CandidateStepOutcome>(StringComparer.Ordinal);
            b.Outcomes[candidate] = byStep;
        }

        byStep[outcome.StepId] = outcome;
    }

    public static CaseState Apply(CaseState s, DecisionRecorded e)
    {
        s.Branches[e.BranchId].Decisions.Add(e);
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, NotificationRequested e)
    {
        s.Notifications.Add(e);
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, TimerScheduled e)
    {
        s.Timers[e.TimerId] = new TimerState { Id = e.TimerId, BranchId = e.BranchId, StepId = e.StepId, DueAt = e.DueAt };
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, TimerFired e)
    {
        s.Timers[e.TimerId].Fired = true;
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, DeadlineApproaching e)
    {
        s.Tasks[e.TaskId].ReminderSent = true;
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, DeadlineMissed e)
    {
        s.Tasks[e.TaskId].Overdue = true;
        return Touch(s, e.At);
    }

    public static CaseState Apply(CaseState s, CaseSuspended e)
    {
        s.Status = CaseStatus.Suspended;
        s.Reason = e.Reason;
        return Touch(s, e.At, "case-suspended", null, null, e.Reason);
    }

    public static CaseState Apply(CaseState s, CaseResumed e)
    {
        s.Status = CaseStatus.Running;
        s.Reason = null;
        return Touch(s, e.At, "case-resumed", null, null, null);
    }

    public static CaseState Apply(CaseState s, CaseCancelled e)
    {
        s.Status = CaseStatus.Cancelled;
        s.Reason = e.Reason;
        s.EndedAt = e.At;
        return Touch(s, e.At, "case-cancelled", null, null, e.Reason);
    }

    public static CaseState Apply(CaseState s, CaseCompleted e)
    {
        s.Status = CaseStatus.Completed;
        s.EndedAt = e.At;
        return Touch(s, e.At, "case-completed", null, null, null);
    }

    private static CaseState Touch(CaseState s, DateTimeOffset at, string? kind = null, string? branchId = null, string? stepId = null, string? detail = null)
    {
        s.UpdatedAt = at;
        if (kind is not null)
        {
            s.History.Add(new HistoryEntry(s.Version + 1, kind, branchId, stepId, detail, at));
        }

        return s;
    }
}
