using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Definitions;

/// <summary>Reads typed form fields (HumanTask forms, case input) from a definition.</summary>
internal static class FormFieldReader
{
    public static List<FormField> ReadList(DefinitionCheck check, JsonNode? node, string path)
    {
        var fields = new List<FormField>();
        if (node is not JsonArray array)
        {
            check.Error(path, "must be an array of form fields");
            return fields;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var fieldPath = $"{path}[{i}]";
            if (array[i] is not JsonObject f)
            {
                check.Error(fieldPath, "must be an object");
                continue;
            }

            DefinitionReader.UnknownKeys(check, f, fieldPath, ["name", "type", "label", "required", "min", "max", "options", "optionLabels", "fields"]);
            var name = check.Str(f, "name", fieldPath, true);
            var type = check.Str(f, "type", fieldPath, true);
            var label = check.Text(f, "label", fieldPath, true);
            var required = check.Bool(f, "required", fieldPath) ?? false;
            var min = Number(check, f, "min", fieldPath);
            var max = Number(check, f, "max", fieldPath);
            var options = check.StringList(f, "options", fieldPath, type == "choice");
            var optionLabels = OptionLabels(check, f, fieldPath, options);
            List<FormField>? nested = null;
            if (type is not null && !FormField.Types.Contains(type))
            {
                check.Error(fieldPath + ".type", $"'{type}' is not a field type ({string.Join(", ", FormField.Types)})");
            }

            if (type == "objectList")
            {
                nested = f["fields"] is null ? null : ReadList(check, f["fields"], fieldPath + ".fields");
                if (nested is null)
                {
                    check.Error(fieldPath + ".fields", "is required for an objectList field");
                }
            }

            if (min is not null && max is not null && min > max)
            {
                check.Error(fieldPath + ".min", "must not be greater than max");
            }

            if (name is not null && !names.Add(name))
            {
                check.Error(fieldPath + ".name", $"field '{name}' is declared twice");
            }

            if (name is not null && type is not null && label is not null)
            {
                fields.Add(new FormField(name, type, label, required, min, max, options, nested, optionLabels));
            }
        }

        return fields;
    }

    private static Dictionary<string, LocalizedText>? OptionLabels(DefinitionCheck check, JsonObject f, string path, IReadOnlyList<string>? options)
    {
        if (f["optionLabels"] is null)
        {
            return null;
        }

        path += ".optionLabels";
        if (f["optionLabels"] is not JsonObject labels)
        {
            check.Error(path, "must be an object mapping each option to {\"vi\", \"en\"}");
            return null;
        }

        var result = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (option, _) in labels)
        {
            if (options is null || !options.Contains(option, StringComparer.Ordinal))
            {
                check.Error($"{path}.{option}", $"'{option}' is not one of the field's options");
            }
            else if (check.Text(labels, option, path, true) is { } text)
            {
                result[option] = text;
            }
        }

        return result;
    }

    private static double? Number(DefinitionCheck check, JsonObject f, string key, string path)
    {
        if (f[key] is null)
        {
            return null;
        }

        if (f[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return v.AsDouble();
        }

        check.Error($"{path}.{key}", "must be a number");
        return null;
    }
}
