using System.Globalization;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// Waits: "delayDays" after the step starts, or until the date at "until" (a data path). The
/// scheduler's FireDueTimersAsync(now) resumes it; the time it fired is recorded.
/// </summary>
internal sealed class TimerActivity : IActivity
{
    public string Kind => "Timer";

    public bool CreatesTask => false;

    public void ValidateConfig(StepDefinition step, DefinitionCheck check)
    {
        var path = step.JsonPath + ".config";
        DefinitionReader.UnknownKeys(check, step.Config, path, ["delayDays", "until"]);
        check.Setting(step.Config, "delayDays", path, false, "integer");
        check.DataPath(check.Str(step.Config, "until", path, false), path + ".until", step);
        if ((step.Config["delayDays"] is null) == (step.Config["until"] is null))
        {
            check.Error(path, "needs exactly one of delayDays or until");
        }
    }

    public void Start(StepContext context)
    {
        var due = context.Text("until") is { } path && context.Resolve(path)?.GetValue<string>() is { } date
            ? new DateTimeOffset(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : context.Now.AddDays(context.Integer("delayDays", 0));
        var id = "timer-" + (context.State.Timers.Count + 1).ToString("D3", CultureInfo.InvariantCulture);
        context.Emit(new TimerScheduled(id, context.Branch.Id, context.Step.Id, due, context.Now));
    }

    public void OnTimerFired(StepContext context, TimerState timer) =>
        context.Complete("elapsed", new JsonObject { ["dueAt"] = timer.DueAt.ToString("O", CultureInfo.InvariantCulture) });
}
