using System.Globalization;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// The step's "dateOrder": a date the form records may not fall before a date an earlier step
/// recorded (a conference after the slate, the decision after vetting, the ceremony after the
/// decision, the first meeting after the ceremony), nor after a limit ("notAfter": a decision within
/// the schedule's window, old committees ended the day the new one starts). The same day is in order.
/// </summary>
internal static class DateOrderCheck
{
    public static void Enforce(StepContext context, WorkTask task, JsonObject data)
    {
        var problems = new List<FieldProblem>();
        foreach (var rule in context.Step.DateOrder ?? [])
        {
            if (ParameterValues.Date(data[rule.Field]) is not { } date)
            {
                continue;
            }

            var label = task.Form.FirstOrDefault(f => f.Name == rule.Field)?.Label ?? new LocalizedText(rule.Field, rule.Field);
            if (rule.NotBefore is { } before && ParameterValues.Date(context.Resolve(before)) is { } earlier && date < earlier)
            {
                var source = Source(context, before);
                problems.Add(new(
                    rule.Field,
                    $"{label.Vi} ({Show(date)}) không được trước {source.Vi} ({Show(earlier)})",
                    $"{label.En} ({Show(date)}) cannot be before {source.En} ({Show(earlier)})"));
            }

            if (rule.NotAfter is { } after && ParameterValues.Date(context.Resolve(after)) is { } later && date > later)
            {
                var source = Source(context, after);
                problems.Add(new(
                    rule.Field,
                    $"{label.Vi} ({Show(date)}) không được sau {source.Vi} ({Show(later)})",
                    $"{label.En} ({Show(date)}) cannot be after {source.En} ({Show(later)})"));
            }
        }

        PartyRules.Refuse("date-out-of-order", "Ngày không đúng trình tự các bước: ", "Dates out of the steps' order: ", problems);
    }

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The other date in words: "the date of “Step 5: …”" (its label on the form that recorded it
    /// and its step's title), or a schedule parameter's title ("the deadline for plans").
    /// </summary>
    private static LocalizedText Source(StepContext context, string path)
    {
        var parts = path.Split('.');
        if (parts is ["param", var name] && context.Definition.Parameters.TryGetValue(name, out var parameter))
        {
            return new(parameter.Title.Vi.ToLowerInvariant(), parameter.Title.En.ToLowerInvariant());
        }

        if (parts is not ["steps", var stepId, var field, ..] || !context.Definition.AllSteps.TryGetValue(stepId, out var step))
        {
            return new(path, path);
        }

        var label = context.State.Tasks.Values.LastOrDefault(t => t.StepId == stepId && t.Status == WorkTaskStatus.Completed)?.Form.FirstOrDefault(f => f.Name == field)?.Label
            ?? new LocalizedText(field, field);
        return new($"{label.Vi.ToLowerInvariant()} của “{step.Title.Vi}”", $"the {label.En.ToLowerInvariant()} of “{step.Title.En}”");
    }
}
