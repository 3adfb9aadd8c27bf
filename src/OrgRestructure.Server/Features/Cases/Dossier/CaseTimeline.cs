using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>The case's history as the procedure reads: a section per committee (and one for the case as a whole), a group per step as it was worked, a sentence per event of substance.</summary>
public sealed record CaseTimeline(IReadOnlyList<TimelineSection> Sections);

public sealed record TimelineSection(string? BranchId, LocalizedText Title, IReadOnlyList<TimelineGroup> Groups);

/// <summary>A run of entries about one step (or, without <see cref="StepId"/>, about the committee or case itself).</summary>
public sealed record TimelineGroup(string? StepId, LocalizedText Step, IReadOnlyList<TimelineLine> Lines);

public sealed record TimelineLine(long Version, DateTimeOffset At, string Actor, LocalizedText Sentence);

/// <summary>Builds the <see cref="CaseTimeline"/> from one read of the stream; engine bookkeeping (steps started, timers) is left to the raw events.</summary>
public static partial class CaseTimelineBuilder
{
    private static readonly LocalizedText General = new("Chung", "General");

    public static CaseTimeline Build(CaseRead read, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(nameOf);
        var tasks = read.State.Tasks;
        var sections = new List<(string? BranchId, LocalizedText Title, List<(string? StepId, List<TimelineLine> Lines)> Groups)>
        {
            (null, new("Toàn hồ sơ", "The case as a whole"), []),
        };
        foreach (var branch in read.State.Branches.Values.Where(b => b.ForEachStepId is not null).OrderBy(b => b.Index))
        {
            sections.Add((branch.Id, new(branch.Label, branch.Label), []));
        }

        foreach (var stored in read.Events)
        {
            if (EventTypeRegistry.Deserialize(stored.Type, stored.Data) is not { } e
                || Sentence(e, read.State, nameOf) is not { } sentence)
            {
                continue;
            }

            var (branchId, stepId) = Where(e, tasks);
            var section = sections.FirstOrDefault(s => s.BranchId == branchId && branchId is not null);
            section = section.Groups is null ? sections[0] : section;
            if (section.Groups.Count == 0 || section.Groups[^1].StepId != stepId)
            {
                section.Groups.Add((stepId, []));
            }

            section.Groups[^1].Lines.Add(new TimelineLine(stored.StreamVersion, stored.Timestamp, nameOf(stored.Actor), sentence));
        }

        LocalizedText Title(string? stepId) => stepId is not null && read.Definition.AllSteps.GetValueOrDefault(stepId) is { } step ? step.Title : General;
        return new CaseTimeline([.. sections.Where(s => s.Groups.Count > 0).Select(s => new TimelineSection(
            s.BranchId, s.Title, [.. s.Groups.Select(g => new TimelineGroup(g.StepId, Title(g.StepId), g.Lines))]))]);
    }

    /// <summary>The committee (branch) and step an event is about; the case itself when neither.</summary>
    private static (string? BranchId, string? StepId) Where(ICaseEvent e, Dictionary<string, WorkTask> tasks)
    {
        (string?, string?) Task(string id) => tasks.TryGetValue(id, out var t) ? (t.BranchId, t.StepId) : (null, null);
        return e switch
        {
            BranchStarted x => (x.BranchId, null),
            BranchCompleted x => (x.BranchId, null),
            BranchCancelled x => (x.BranchId, null),
            TaskCreated x => (x.BranchId, x.StepId),
            TaskClaimed x => Task(x.TaskId),
            TaskReleased x => Task(x.TaskId),
            TaskReassigned x => Task(x.TaskId),
            TaskCompleted x => Task(x.TaskId),
            TaskCancelled x => Task(x.TaskId),
            DeadlineApproaching x => Task(x.TaskId),
            DeadlineMissed x => Task(x.TaskId),
            VoteRecorded x => (x.BranchId, x.StepId),
            CandidateVetted x => (x.BranchId, x.StepId),
            ElectionRecorded x => (x.BranchId, x.StepId),
            CandidateOverrideRecorded x => (x.BranchId, x.StepId),
            DecisionRecorded x => (x.BranchId, x.StepId),
            AnnouncementRecorded x => (x.BranchId, x.StepId),
            ApprovalRecorded x => (x.BranchId, x.StepId),
            GateEvaluated x => (x.BranchId, x.StepId),
            StepReturned x => (x.BranchId, x.FromStepId),
            NotificationRequested x => (x.BranchId, x.StepId),
            _ => (null, null),
        };
    }
}
