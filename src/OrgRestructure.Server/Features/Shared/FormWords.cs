using System.Globalization;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Features.Localization;
using OrgRestructure.Workflows.Forms;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>A form's stored codes in the reader's words: an option by its label, yes/no as a verdict, a date as the clerk writes it.</summary>
public static class FormWords
{
    public static string Option(FormField field, string code, Text t)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(t);
        return code switch
        {
            _ when field.OptionLabels?.GetValueOrDefault(code) is { } label => t.L(label.Vi, label.En),
            "true" when field.Type == "boolean" => t.L("Đạt / có", "Yes"),
            "false" when field.Type == "boolean" => t.L("Không đạt / không", "No"),
            _ => code,
        };
    }

    /// <summary>A submitted value as a reader reads it (what the clerk chose or typed, not the stored code).</summary>
    public static string Show(FormField field, JsonNode? value, Text t)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = Tasks.TaskForm.Show(value);
        return field.Type switch
        {
            "boolean" or "choice" => Option(field, text, t),
            "date" when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            "stringList" => text.Replace("\n", "; ", StringComparison.Ordinal),
            _ => text,
        };
    }
}
