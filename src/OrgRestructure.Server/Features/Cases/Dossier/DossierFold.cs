using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>
/// The dossier as a fold of the case's events: one static Apply per event that carries substance;
/// the engine's bookkeeping (claims, timers, notices) leaves it unchanged. Folding the first N
/// events gives the dossier as it stood after event N, which is what the audit page shows.
/// </summary>
public sealed class DossierFold
{
    private readonly Dictionary<string, (string BranchId, string StepId, IReadOnlyList<FormField> Form)> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommitteeDraft> _committees = new(StringComparer.Ordinal);
    private readonly CommitteeDraft _case = new(CaseState.RootBranchId, string.Empty, 0, []);
    private readonly Dictionary<(string Branch, string Step), int> _rounds = [];

    private DossierFold(WorkflowDefinition definition) => Definition = definition;

    private WorkflowDefinition Definition { get; }

    private string CaseId { get; set; } = string.Empty;

    private LocalizedText Title { get; set; } = new(string.Empty, string.Empty);

    private string Province { get; set; } = string.Empty;

    private string District { get; set; } = string.Empty;

    private long Version { get; set; }

    private DateTimeOffset AsOf { get; set; }

    /// <summary>The dossier after every event of <paramref name="events"/> (a stream read up to some version).</summary>
    public static CaseDossier Fold(IEnumerable<StoredEvent> events, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(events);
        var fold = new DossierFold(definition);
        foreach (var stored in events)
        {
            if (EventTypeRegistry.Deserialize(stored.Type, stored.Data) is { } e)
            {
                Apply(fold, e);
            }

            fold.Version = stored.StreamVersion;
            fold.AsOf = stored.Timestamp;
        }

        return fold.ToDossier();
    }

    private static void Apply(DossierFold s, ICaseEvent e)
    {
        switch (e)
        {
            case CaseStarted x: Apply(s, x); break;
            case BranchStarted x: Apply(s, x); break;
            case BranchCompleted x: s.Committee(x.BranchId).Status = nameof(BranchStatus.Completed); break;
            case BranchCancelled x: s.Committee(x.BranchId).Status = nameof(BranchStatus.Cancelled); break;
            case StepStarted x: s._rounds[(x.BranchId, x.StepId)] = x.Attempt; break;
            case TaskCreated x: s._tasks[x.TaskId] = (x.BranchId, x.StepId, x.Form); break;
            case TaskCompleted x: Apply(s, x); break;
            case VoteRecorded x: Apply(s, x); break;
            case CandidateVetted x: s.Current(x.BranchId, x.StepId, x.At).Verdicts.Add(new(x.Candidate, x.Approved, x.Reason, x.By, null)); break;
            case ApprovalRecorded x: s.Current(x.BranchId, x.StepId, x.At).Verdicts.Add(new(null, x.Outcome == "approve", x.Reason, x.By, null)); break;
            case CandidateOverrideRecorded x: s.Current(x.BranchId, x.StepId, x.At).Overrides.Add(new(x.Candidate, x.Failures, x.DecidedBy, x.Reason, x.By)); break;
            case DecisionRecorded x: Apply(s, x); break;
            case ElectionRecorded x: Apply(s, x); break;
            case GateEvaluated x: s.Start(x.BranchId, x.StepId, null, x.At).Outcome = GateOutcome(x.Passed); break;
            case StepReturned x: Apply(s, x); break;
            default: break;
        }
    }

    private static void Apply(DossierFold s, CaseStarted e)
    {
        (s.CaseId, s.Title) = (e.CaseId, e.Title);
        s.Province = e.Input["province"]?.ToString() ?? string.Empty;
        s.District = e.Input["district"]?.ToString() ?? string.Empty;
    }

    private static void Apply(DossierFold s, BranchStarted e)
    {
        var item = e.Item as JsonObject;
        var organizations = (item?["organizations"] as JsonArray ?? []).Select(o => o?.ToString()).OfType<string>().ToList();
        var members = item?["members"] is JsonValue m && m.TryGetValue<int>(out var count) ? count : 0;
        s._committees[e.BranchId] = new CommitteeDraft(e.BranchId, e.Label, members, organizations);
    }

    private static void Apply(DossierFold s, TaskCompleted e)
    {
        if (!s._tasks.TryGetValue(e.TaskId, out var task))
        {
            return;
        }

        var step = s.Start(task.BranchId, task.StepId, e.By, e.At);
        step.Form = task.Form;
        step.Data = e.Data;
    }

    private static void Apply(DossierFold s, VoteRecorded e)
    {
        var step = s.Current(e.BranchId, e.StepId, e.At);
        var data = step.Data ?? [];
        int? Number(string name) => data[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
        var nominations = (data["nominations"] as JsonArray ?? []).Select(n => n?.ToString()).OfType<string>().Where(n => n.Length > 0).ToList();
        step.Conference = new ConferenceRecord(
            data["conferenceDate"]?.ToString(), e.Summoned, e.Present, Number("ballotsIssued"), Number("ballotsReturned"), e.ConferenceValid, e.ConferenceExplanation,
            [.. e.Results.Select(r => new TallyRecord(r.Candidate, r.High, r.Normal, r.Low, r.Invalid, r.Nominated, r.Passed, r.HeadDecidedBy, r.Explanation))],
            nominations);
    }

    private static void Apply(DossierFold s, DecisionRecorded e)
    {
        var step = s.Current(e.BranchId, e.StepId, e.At);
        var form = step.Form ?? [];
        step.Decision = new DecisionRecord(e.Number, e.Date, e.Signatory, [.. e.Appointees.Select(a => new AppointeeRecord(a.Name, a.Position, DossierFields.Option(form, a.Position)))]);
    }

    private static void Apply(DossierFold s, ElectionRecorded e) =>
        s.Current(e.BranchId, e.StepId, e.At).Election = new ElectionRecord(
            e.Seats, e.Summoned, e.Present, [.. e.Results.Select(r => new ElectedRecord(r.Candidate, r.Votes, r.Elected, r.Explanation))], e.Chair, e.Explanation);

    private static void Apply(DossierFold s, StepReturned e)
    {
        var committee = s.Committee(e.BranchId);
        var from = committee.Steps.FindLastIndex(r => r.StepId == e.FromStepId);
        if (from >= 0)
        {
            committee.Steps[from].Returned = new ReturnRecord(e.ToStepId, s.StepTitle(e.ToStepId), e.Reason, e.Candidates ?? []);
        }

        // Everything since the step returned to was last done is redone: the earlier passes stay, marked as such.
        var to = committee.Steps.FindLastIndex(r => r.StepId == e.ToStepId);
        for (var i = Math.Max(0, to); to >= 0 && i < committee.Steps.Count; i++)
        {
            committee.Steps[i].Superseded = true;
        }
    }

    /// <summary>A check's verdict in words; its expression (data paths, operators) is the engine's and stays in the raw event.</summary>
    public static LocalizedText GateOutcome(bool passed) =>
        passed ? new("Đạt điều kiện", "Condition met") : new("Chưa đạt điều kiện: chuyển sang bước ghi nhận ngoại lệ", "Condition not met: the exception must be recorded");

    private CommitteeDraft Committee(string branchId) => _committees.GetValueOrDefault(branchId) ?? _case;

    /// <summary>A new pass of a step (a submitted task, a gate checked).</summary>
    private StepDraft Start(string branchId, string stepId, string? by, DateTimeOffset at)
    {
        var step = new StepDraft(stepId, _rounds.GetValueOrDefault((branchId, stepId), 1), by, at);
        Committee(branchId).Steps.Add(step);
        return step;
    }

    /// <summary>The latest pass of a step, which an outcome event completes (started if the step had no task).</summary>
    private StepDraft Current(string branchId, string stepId, DateTimeOffset at) =>
        Committee(branchId).Steps.LastOrDefault(r => r.StepId == stepId && r.Round == _rounds.GetValueOrDefault((branchId, stepId), 1))
        ?? Start(branchId, stepId, null, at);

    private LocalizedText StepTitle(string stepId) => Definition.AllSteps.GetValueOrDefault(stepId)?.Title ?? new(stepId, stepId);

    private CaseDossier ToDossier() => new(
        CaseId, Title, Province, District, Version, AsOf,
        [.. _case.Steps.Select(ToRecord)],
        [.. _committees.Values.Select(c => new CommitteeDossier(c.BranchId, c.Name, c.Members, c.Organizations, c.Status, [.. c.Steps.Select(ToRecord)]))]);

    private StepRecord ToRecord(StepDraft d) => new(
        d.StepId, StepTitle(d.StepId), d.Round, d.By, null, d.At,
        d.Form is { } form && d.Data is { } data ? DossierFields.Describe(form, data) : [],
        d.Conference, d.Verdicts, d.Overrides, d.Decision, d.Election, d.Outcome, d.Returned, d.Superseded);

    private sealed class CommitteeDraft(string branchId, string name, int members, IReadOnlyList<string> organizations)
    {
        public string BranchId { get; } = branchId;

        public string Name { get; } = name;

        public int Members { get; } = members;

        public IReadOnlyList<string> Organizations { get; } = organizations;

        public string Status { get; set; } = nameof(BranchStatus.Active);

        public List<StepDraft> Steps { get; } = [];
    }

    private sealed class StepDraft(string stepId, int round, string? by, DateTimeOffset at)
    {
        public string StepId { get; } = stepId;

        public int Round { get; } = round;

        public string? By { get; } = by;

        public DateTimeOffset At { get; } = at;

        public IReadOnlyList<FormField>? Form { get; set; }

        public JsonObject? Data { get; set; }

        public ConferenceRecord? Conference { get; set; }

        public List<VerdictRecord> Verdicts { get; } = [];

        public List<OverrideRecord> Overrides { get; } = [];

        public DecisionRecord? Decision { get; set; }

        public ElectionRecord? Election { get; set; }

        public LocalizedText? Outcome { get; set; }

        public ReturnRecord? Returned { get; set; }

        public bool Superseded { get; set; }
    }
}
