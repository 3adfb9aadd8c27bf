using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Forms;

/// <summary>Checks submitted form data against its typed fields; every problem names its field.</summary>
public static class FormValidator
{
    public static IReadOnlyList<FieldProblem> Validate(IReadOnlyList<FormField> fields, JsonObject? data)
    {
        var problems = new List<FieldProblem>();
        Check(fields, data ?? [], string.Empty, problems);
        return problems;
    }

    /// <summary>Throws <see cref="WorkflowRuleViolation"/> listing every problem, if any.</summary>
    public static void Ensure(IReadOnlyList<FormField> fields, JsonObject? data)
    {
        var problems = Validate(fields, data);
        if (problems.Count > 0)
        {
            throw WorkflowRuleViolation.Form(problems);
        }
    }

    private static void Check(IReadOnlyList<FormField> fields, JsonObject data, string prefix, List<FieldProblem> problems)
    {
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            data.TryGetPropertyValue(field.Name, out var value);
            if (value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>())))
            {
                if (field.Required)
                {
                    problems.Add(new(path, "bắt buộc phải nhập", "is required"));
                }

                continue;
            }

            CheckValue(field, value, path, problems);
        }

        var known = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in data)
        {
            if (!known.Contains(name))
            {
                problems.Add(new(prefix + name, "không phải trường của biểu mẫu", "is not a field of this form"));
            }
        }
    }

    private static void CheckValue(FormField field, JsonNode value, string path, List<FieldProblem> problems)
    {
        switch (field.Type)
        {
            case "string" or "text":
                if (!IsKind(value, JsonValueKind.String))
                {
                    problems.Add(new(path, "phải là chuỗi ký tự", "must be a string"));
                }

                break;
            case "integer" or "number":
                if (!IsKind(value, JsonValueKind.Number))
                {
                    problems.Add(new(path, "phải là số", "must be a number"));
                    break;
                }

                var number = value.AsDouble();
                if (field.Type == "integer" && Math.Abs(number - Math.Round(number)) > 0)
                {
                    problems.Add(new(path, "phải là số nguyên", "must be a whole number"));
                }

                if (field.Min is { } min && number < min)
                {
                    problems.Add(new(path, $"không được nhỏ hơn {min.ToString(CultureInfo.InvariantCulture)}", $"must be at least {min.ToString(CultureInfo.InvariantCulture)}"));
                }

                if (field.Max is { } max && number > max)
                {
                    problems.Add(new(path, $"không được lớn hơn {max.ToString(CultureInfo.InvariantCulture)}", $"must be at most {max.ToString(CultureInfo.InvariantCulture)}"));
                }

                break;
            case "boolean":
                if (!IsKind(value, JsonValueKind.True) && !IsKind(value, JsonValueKind.False))
                {
                    problems.Add(new(path, "phải là đúng/sai", "must be true or false"));
                }

                break;
            case "date":
                if (!IsKind(value, JsonValueKind.String) || !DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    problems.Add(new(path, "phải là ngày dạng yyyy-MM-dd", "must be a date as yyyy-MM-dd"));
                }

                break;
            case "choice":
                if (!IsKind(value, JsonValueKind.String) || field.Options?.Contains(value.GetValue<string>()) != true)
                {
                    var options = string.Join(", ", field.Options ?? []);
                    problems.Add(new(path, $"phải là một trong: {options}", $"must be one of: {options}"));
                }

                break;
            case "stringList":
                CheckList(field, value, path, problems, (item, itemPath) =>
                {
                    if (!IsKind(item, JsonValueKind.String) || string.IsNullOrWhiteSpace(item!.GetValue<string>()))
                    {
                        problems.Add(new(itemPath, "phải là chuỗi ký tự không rỗng", "must be a non-empty string"));
                    }
                });
                break;
            case "objectList":
                CheckList(field, value, path, problems, (item, itemPath) =>
                {
                    if (item is JsonObject o)
                    {
                        Check(field.Fields ?? [], o, itemPath + ".", problems);
                    }
                    else
                    {
                        problems.Add(new(itemPath, "phải là một đối tượng", "must be an object"));
                    }
                });
                break;
        }
    }

    private static void CheckList(FormField field, JsonNode value, string path, List<FieldProblem> problems, Action<JsonNode?, string> checkItem)
    {
        if (value is not JsonArray array)
        {
            problems.Add(new(path, "phải là danh sách", "must be a list"));
            return;
        }

        if (field.Required && array.Count == 0)
        {
            problems.Add(new(path, "không được để trống", "must not be empty"));
        }

        if (field.Max is { } max && array.Count > max)
        {
            problems.Add(new(path, $"tối đa {max.ToString(CultureInfo.InvariantCulture)} mục", $"at most {max.ToString(CultureInfo.InvariantCulture)} items"));
        }

        for (var i = 0; i < array.Count; i++)
        {
            checkItem(array[i], $"{path}[{i}]");
        }
    }

    private static bool IsKind(JsonNode? node, JsonValueKind kind) => node is JsonValue v && v.GetValueKind() == kind;
}
