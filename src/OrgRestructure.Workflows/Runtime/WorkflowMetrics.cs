using System.Diagnostics.Metrics;
using OrgRestructure.Workflows.Events;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// The engine's own meters, counted once a command's events are committed (a refused or
/// duplicate command counts nothing). Any listener can read them; the server exports them with
/// OpenTelemetry on /metrics.
/// </summary>
public static class WorkflowMetrics
{
    public const string MeterName = "OrgRestructure.Workflows";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> CasesStarted = Meter.CreateCounter<long>("orgrestructure.cases.started", "{case}", "Cases started, by procedure");
    private static readonly Counter<long> StepsCompleted = Meter.CreateCounter<long>("orgrestructure.steps.completed", "{step}", "Steps completed, by step and outcome");

    internal static void Committed(IEnumerable<ICaseEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case CaseStarted started:
                    CasesStarted.Add(1, new KeyValuePair<string, object?>("procedure", started.DefinitionId));
                    break;
                case StepCompleted step:
                    StepsCompleted.Add(1, new KeyValuePair<string, object?>("step", step.StepId), new KeyValuePair<string, object?>("outcome", step.Outcome));
                    break;
            }
        }
    }
}
