using System.Text.Json.Nodes;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>Launching any published procedure with its own input (the API's POST /api/cases and the procedure pages).</summary>
public sealed partial class CaseService
{
    /// <summary>Who may start a case: the standing committee of its district, the province board, an administrator.</summary>
    public static bool CanLaunch(Caller caller) =>
        caller.Role is Role.DistrictStandingCommittee or Role.ProvinceOrganizationBoard or Role.Administrator;

    /// <summary>
    /// Starts a case of <paramref name="definitionId"/> (the given version, else the latest). The input
    /// is checked against the definition's input fields and parameters first — every problem named with
    /// the field's label and the rule — and its province/district must be the caller's (filled in when left out).
    /// </summary>
    public async Task<CaseView> LaunchAsync(Caller caller, string? definitionId, int? version, JsonObject? input, string? commandId, CancellationToken ct)
    {
        if (!CanLaunch(caller))
        {
            throw RequestRejectedException.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(definitionId))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["definitionId"] = ["Chọn quy trình cần khởi động / choose the procedure to launch"] });
        }

        var definition = engine.Definitions.Get(definitionId.Trim(), version);
        var data = (JsonObject?)input?.DeepClone() ?? [];
        ScopeInput(caller, definition, data);
        var problems = CheckInput(definition, data);
        if (problems.Count > 0)
        {
            // The sentence names fields by their labels; the field keys stay in the problem list for forms and programs.
            throw new WorkflowRuleViolation(
                "form-invalid",
                "Dữ liệu khởi động hồ sơ chưa hợp lệ: " + string.Join("; ", problems.Select(p => p.Vi)),
                "The launch data is not valid: " + string.Join("; ", problems.Select(p => p.En)),
                problems);
        }

        var result = await engine.StartCaseAsync(definition.Id, data, ActorOf(caller), new CommandOptions(commandId), definition.Version, ct);
        return View(await ReadAfterAsync(result, ct));
    }

    /// <summary>The input's problems, each naming the field as the form labels it: "Loại đơn vị: phải là một trong: …".</summary>
    public static IReadOnlyList<FieldProblem> CheckInput(WorkflowDefinition definition, JsonObject input)
    {
        var fields = input.Where(p => p.Key != "parameters").ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        var problems = FormValidator.Validate(definition.Input, new JsonObject(fields))
            .Select(p => Labelled(definition, p))
            .ToList();
        if (input["parameters"] is { } overrides)
        {
            if (overrides is not JsonObject o)
            {
                problems.Add(new("parameters", "Tham số: phải là một đối tượng TÊN → giá trị", "Parameters: must be an object NAME → value"));
            }
            else
            {
                foreach (var (name, value) in o)
                {
                    if (!definition.Parameters.TryGetValue(name, out var parameter))
                    {
                        problems.Add(new($"parameters.{name}", $"{name}: không phải tham số của quy trình này", $"{name}: is not a parameter of this procedure"));
                    }
                    else if (!ParameterValues.Matches(parameter.Type, value))
                    {
                        problems.Add(new($"parameters.{name}", $"{parameter.Title.Vi}: phải là {TypeWords(parameter.Type).Vi}", $"{parameter.Title.En}: must be {TypeWords(parameter.Type).En}"));
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>A province-scoped caller launches in their province (and a district one in their district); left out, it is filled in.</summary>
    private static void ScopeInput(Caller caller, WorkflowDefinition definition, JsonObject input)
    {
        foreach (var (key, mine) in new[] { ("province", caller.Province), ("district", caller.District) })
        {
            if (mine is null || definition.Input.All(f => f.Name != key))
            {
                continue;
            }

            var given = input[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
            if (string.IsNullOrEmpty(given))
            {
                input[key] = mine;
            }
            else if (given != mine && !(key == "district" && Roles.IsProvinceWide(caller.Role)))
            {
                throw RequestRejectedException.Invalid(new Dictionary<string, string[]>
                {
                    [key] = [$"Chỉ được khởi động hồ sơ trong phạm vi của mình ({mine}), không phải {given} / you may launch only within your own scope ({mine}), not {given}"],
                });
            }
        }
    }

    private static FieldProblem Labelled(WorkflowDefinition definition, FieldProblem problem)
    {
        var top = problem.Field.Split('[', '.')[0];
        var label = definition.Input.FirstOrDefault(f => f.Name == top)?.Label;
        return label is null ? problem : problem with { Vi = $"{label.Vi}{Row(problem.Field)}: {problem.Vi}", En = $"{label.En}{Row(problem.Field, english: true)}: {problem.En}" };
    }

    /// <summary>"organizations[1].members" → " (dòng 2, members)": which row of a list, counted as a clerk counts.</summary>
    private static string Row(string field, bool english = false)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open || !int.TryParse(field[(open + 1)..close], System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return string.Empty;
        }

        return english ? $" (row {index + 1})" : $" (dòng {index + 1})";
    }

    private static LocalizedText TypeWords(string type) => type switch
    {
        "integer" => new("một số nguyên", "a whole number"),
        "number" => new("một số", "a number"),
        "fraction" => new("một tỷ lệ như 2/3 hoặc 50%", "a fraction such as 2/3 or 50%"),
        "boolean" => new("đúng hoặc sai", "true or false"),
        "date" => new("một ngày dạng yyyy-MM-dd", "a date as yyyy-MM-dd"),
        _ => new("một chuỗi ký tự", "a text"),
    };
}
