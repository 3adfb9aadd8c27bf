using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Definitions;

/// <summary>Collects the problems of one definition file while it is read; activities use it to check their config.</summary>
public sealed class DefinitionCheck(string file)
{
    private readonly List<DefinitionError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<DefinitionError> Errors => _errors;

    /// <summary>Parameters declared by the definition (set once they are read), by name → type.</summary>
    public IReadOnlyDictionary<string, string> ParameterTypes { get; internal set; } = new Dictionary<string, string>();

    /// <summary>All steps (set once they are read).</summary>
    public IReadOnlyDictionary<string, StepDefinition> Steps { get; internal set; } = new Dictionary<string, StepDefinition>();

    public void Error(string path, string message) => _errors.Add(new DefinitionError(File, path, message));

    public string? Str(JsonObject obj, string key, string path, bool required)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required)
            {
                Error($"{path}.{key}", "is required");
            }

            return null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0)
        {
            return v.GetValue<string>();
        }

        Error($"{path}.{key}", "must be a non-empty string");
        return null;
    }

    public bool? Bool(JsonObject obj, string key, string path)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        Error($"{path}.{key}", "must be true or false");
        return null;
    }

    public IReadOnlyList<string>? StringList(JsonObject obj, string key, string path, bool required)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required)
            {
                Error($"{path}.{key}", "is required");
            }

            return null;
        }

        if (node is JsonArray a && a.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return a.Select(i => i!.GetValue<string>()).ToList();
        }

        Error($"{path}.{key}", "must be an array of strings");
        return null;
    }

    public LocalizedText? Text(JsonObject obj, string key, string path, bool required)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required)
            {
                Error($"{path}.{key}", "is required (an object with \"vi\" and \"en\")");
            }

            return null;
        }

        if (node is not JsonObject t)
        {
            Error($"{path}.{key}", "must be an object with \"vi\" and \"en\"");
            return null;
        }

        var vi = Str(t, "vi", $"{path}.{key}", true);
        var en = Str(t, "en", $"{path}.{key}", true);
        return vi is null || en is null ? null : new LocalizedText(vi, en);
    }

    /// <summary>
    /// A setting given either literally or as {"param": "name"} naming a declared parameter of
    /// one of <paramref name="types"/>. A literal must parse as one of them too.
    /// </summary>
    public void Setting(JsonObject obj, string key, string path, bool required, params string[] types)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            if (required)
            {
                Error($"{path}.{key}", "is required");
            }

            return;
        }

        if (node is JsonObject reference)
        {
            var name = Str(reference, "param", $"{path}.{key}", true);
            if (name is null)
            {
                return;
            }

            if (!ParameterTypes.TryGetValue(name, out var type))
            {
                Error($"{path}.{key}.param", $"parameter '{name}' is not declared in $.parameters");
            }
            else if (!types.Contains(type))
            {
                Error($"{path}.{key}.param", $"parameter '{name}' is of type {type}; expected {string.Join(" or ", types)}");
            }

            return;
        }

        if (!types.Any(t => ParameterValues.Matches(t, node)))
        {
            Error($"{path}.{key}", $"must be a {string.Join(" or ", types)} or {{\"param\": NAME}}");
        }
    }

    /// <summary>A step id that must exist in the same container as <paramref name="from"/> (or "end" when allowed).</summary>
    public void StepReference(string? id, string path, StepDefinition from, bool allowEnd = false)
    {
        if (id is null || (allowEnd && id == StepDefinition.End))
        {
            return;
        }

        if (!Steps.TryGetValue(id, out var target))
        {
            Error(path, $"step '{id}' does not exist");
        }
        else if (target.ContainerId != from.ContainerId)
        {
            Error(path, $"step '{id}' is in another container ({target.ContainerId ?? "root"}); transitions stay within one list of steps");
        }
    }

    /// <summary>A data path such as input.x, item.x, steps.STEP.field or param.NAME.</summary>
    public void DataPath(string? value, string path, StepDefinition from)
    {
        if (value is null)
        {
            return;
        }

        var parts = value.Split('.');
        switch (parts[0])
        {
            case "input" or "item" when parts.Length >= 1:
                if (parts[0] == "item" && from.ContainerId is null)
                {
                    Error(path, "'item' is only available inside a ForEach body");
                }

                break;
            case "steps" when parts.Length >= 2:
                if (!Steps.ContainsKey(parts[1]))
                {
                    Error(path, $"step '{parts[1]}' does not exist");
                }

                break;
            case "param" when parts.Length == 2:
                if (!ParameterTypes.ContainsKey(parts[1]))
                {
                    Error(path, $"parameter '{parts[1]}' is not declared");
                }

                break;
            default:
                Error(path, $"'{value}' must start with input., item., steps.STEP. or param.");
                break;
        }
    }
}
