using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>A submitted form in words: each field with its form label, choices by their option labels, dates as a clerk writes them.</summary>
public static class DossierFields
{
    private static readonly LocalizedText Yes = new("Có", "Yes");
    private static readonly LocalizedText No = new("Không", "No");

    public static IReadOnlyList<FieldRecord> Describe(IReadOnlyList<FormField> form, JsonObject data) =>
        [.. form.Where(f => data[f.Name] is not null).Select(f => Describe(f, data[f.Name]))];

    /// <summary>The label of an option code as the form gave it; the code itself when the form named none.</summary>
    public static LocalizedText Option(IReadOnlyList<FormField> form, string code) =>
        form.SelectMany(Flatten).Select(f => f.OptionLabels?.GetValueOrDefault(code)).FirstOrDefault(l => l is not null) ?? new(code, code);

    /// <summary>"2014-09-15" → "15/09/2014"; anything else as written.</summary>
    public static string Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : text ?? string.Empty;

    private static FieldRecord Describe(FormField field, JsonNode? node)
    {
        if (field.Type == "objectList" && field.Fields is { } columns)
        {
            var rows = (node as JsonArray ?? []).OfType<JsonObject>()
                .Select(row => (IReadOnlyList<LocalizedText>)[.. columns.Select(c => Value(c, row[c.Name]))]).ToList();
            return new FieldRecord(field.Name, field.Label, null, [.. columns.Select(c => c.Label)], rows);
        }

        return new FieldRecord(field.Name, field.Label, Value(field, node), null, null);
    }

    private static LocalizedText Value(FormField field, JsonNode? node)
    {
        if (node is JsonArray list)
        {
            var items = list.Select(n => Value(field with { Type = "string" }, n)).ToList();
            return new(string.Join(", ", items.Select(i => i.Vi)), string.Join(", ", items.Select(i => i.En)));
        }

        if (node is not JsonValue value)
        {
            return new(string.Empty, string.Empty);
        }

        if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>() ? Yes : No;
        }

        var text = value.ToString();
        return field.Type switch
        {
            "date" => new(Date(text), Date(text)),
            "choice" => field.OptionLabels?.GetValueOrDefault(text) ?? new(text, text),
            _ => new(text, text),
        };
    }

    private static IEnumerable<FormField> Flatten(FormField field) => [field, .. (field.Fields ?? []).SelectMany(Flatten)];
}
