using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Forms;

/// <summary>
/// One typed field of a task form. Types: string, text, integer, number, date (yyyy-MM-dd),
/// boolean, choice (one of <see cref="Options"/>), stringList, objectList (items described by
/// <see cref="Fields"/>); <see cref="OptionLabels"/> gives choices their words in both languages
/// (the stored value stays the stable code). The UI renders it; <see cref="FormValidator"/> checks submissions.
/// </summary>
public sealed record FormField(
    string Name,
    string Type,
    LocalizedText Label,
    bool Required = false,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Options = null,
    IReadOnlyList<FormField>? Fields = null,
    IReadOnlyDictionary<string, LocalizedText>? OptionLabels = null)
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "string", "text", "integer", "number", "date", "boolean", "choice", "stringList", "objectList",
    };
}
