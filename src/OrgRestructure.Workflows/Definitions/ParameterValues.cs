using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Definitions;

/// <summary>Parameter types and their JSON values: integer, number, fraction ("2/3"), boolean, string, date ("2025-05-15").</summary>
public static class ParameterValues
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "integer", "number", "fraction", "boolean", "string", "date" };

    public static bool Matches(string type, JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return false;
        }

        var kind = v.GetValueKind();
        return type switch
        {
            "integer" => kind == JsonValueKind.Number && v.AsDouble() is var d && Math.Abs(d - Math.Round(d)) == 0,
            "number" => kind == JsonValueKind.Number,
            "fraction" => kind == JsonValueKind.String && Rules.PartyRules.IsRatio(v.GetValue<string>()),
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "string" => kind == JsonValueKind.String,
            "date" => kind == JsonValueKind.String && Date(v) is not null,
            _ => false,
        };
    }

    /// <summary>A calendar date written yyyy-MM-dd (the form fields' and the schedules' format), else null.</summary>
    public static DateOnly? Date(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String
        && DateOnly.TryParseExact(v.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
