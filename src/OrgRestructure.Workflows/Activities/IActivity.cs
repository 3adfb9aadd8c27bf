using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// One kind of step. An activity never reads a clock, a random source or I/O: everything it
/// needs comes through <see cref="StepContext"/>, and everything it decides goes out as events.
/// </summary>
internal interface IActivity
{
    string Kind { get; }

    /// <summary>True when the step waits for people (it then needs a "task" section).</summary>
    bool CreatesTask { get; }

    /// <summary>Checks the step's config; report problems with <see cref="DefinitionCheck.Error"/>.</summary>
    void ValidateConfig(StepDefinition step, DefinitionCheck check);

    /// <summary>The step was entered: create a task, schedule a timer, fan out, or complete at once.</summary>
    void Start(StepContext context);

    /// <summary>The step's task was completed with form data already checked against its form.</summary>
    void Complete(StepContext context, WorkTask task, JsonObject data) =>
        throw new InvalidOperationException($"{Kind} steps have no task.");

    /// <summary>A timer the step scheduled is due.</summary>
    void OnTimerFired(StepContext context, TimerState timer)
    {
    }

    /// <summary>A branch this step fanned out finished or was cancelled.</summary>
    void OnBranchEnded(StepContext context, BranchState child)
    {
    }
}

/// <summary>Activity kinds by name; definitions refer to these names.</summary>
internal static class ActivityCatalog
{
    private static readonly Dictionary<string, IActivity> ByKind = new IActivity[]
    {
        new HumanTaskActivity(),
        new ApprovalActivity(),
        new ConfidenceVoteActivity(),
        new ElectionActivity(),
        new DecisionActivity(),
        new AnnouncementActivity(),
        new ForEachActivity(),
        new GateActivity(),
        new TimerActivity(),
        new NotifyActivity(),
    }.ToDictionary(a => a.Kind, StringComparer.Ordinal);

    public static IEnumerable<string> Kinds => ByKind.Keys;

    public static bool TryGet(string kind, out IActivity activity) => ByKind.TryGetValue(kind, out activity!);

    public static IActivity Get(string kind) => ByKind[kind];
}
