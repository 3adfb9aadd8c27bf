using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// The step's "dateOrder": a date the form records may not fall before a date an earlier step
/// recorded (a conference after the slate, the decision after vetting, the ceremony after the
/// decision, the first meeting after the ceremony). The same day is in order.
/// </summary>
internal static class DateOrderCheck
{
    public static void Enforce(StepContext context, WorkTask task, JsonObject data)
    {
        var problems = new List<FieldProblem>();
        foreach (var rule in context.Step.DateOrder ?? [])
        {
            if (Date(data[rule.Field]) is not { } date || Date(context.Resolve(rule.NotBefore)) is not { } earlier || date >= earlier)
            {
                continue;
            }

            var label = task.Form.FirstOrDefault(f => f.Name == rule.Field)?.Label ?? new LocalizedText(rule.Field, rule.Field);
            var (sourceField, sourceStep) = Source(context, rule.NotBefore);
            problems.Add(new(
                rule.Field,
                $"{label.Vi} ({Show(date)}) không được trước {sourceField.Vi.ToLowerInvariant()} của “{sourceStep.Vi}” ({Show(earlier)})",
                $"{label.En} ({Show(date)}) cannot be before the {sourceField.En.ToLowerInvariant()} of “{sourceStep.En}” ({Show(earlier)})"));
        }

        PartyRules.Refuse("date-out-of-order", "Ngày không đúng trình tự các bước: ", "Dates out of the steps' order: ", problems);
    }

    private static DateOnly? Date(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && DateOnly.TryParseExact(v.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The earlier date's label (from the form that recorded it) and its step's title.</summary>
    private static (LocalizedText Field, LocalizedText Step) Source(StepContext context, string path)
    {
        var parts = path.Split('.');
        if (parts is not ["steps", var stepId, var field, ..] || !context.Definition.AllSteps.TryGetValue(stepId, out var step))
        {
            return (new(path, path), new(path, path));
        }

        var label = context.State.Tasks.Values.LastOrDefault(t => t.StepId == stepId && t.Status == WorkTaskStatus.Completed)?.Form.FirstOrDefault(f => f.Name == field)?.Label;
        return (label ?? new LocalizedText(field, field), step.Title);
    }
}
