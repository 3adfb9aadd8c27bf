using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Server.Features.Tasks;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Server.Features.Procedures;

/// <summary>One procedure: what it is for, its steps and rules, and a launch form built from its input fields.</summary>
public sealed class ProcedureModel(WorkflowDefinitionRegistry definitions, CaseService cases) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public WorkflowDefinition? Definition { get; private set; }

    public bool CanLaunch => CaseService.CanLaunch(Me);

    /// <summary>The launch form's values: what was just posted, else the caller's own province and district.</summary>
    public JsonObject Values { get; private set; } = [];

    public IActionResult OnGet()
    {
        Load();
        foreach (var (key, value) in new[] { ("province", Me.Province), ("district", Me.District) })
        {
            if (value is not null && Definition!.Input.Any(f => f.Name == key))
            {
                Values[key] = value;
            }
        }

        return Page();
    }

    public Task<IActionResult> OnPostLaunchAsync() => TryAsync(async () =>
    {
        Load();
        var posted = Request.Form.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        Values = TaskForm.Read(Definition!.Input, posted);
        var started = await cases.LaunchAsync(Me, Definition.Id, Definition.Version, (JsonObject)Values.DeepClone(), null, HttpContext.RequestAborted);
        Flash("Đã khởi động hồ sơ.", "The case is launched.");
        return Redirect($"/cases/{started.CaseId}");
    });

    /// <summary>A parameter's value as a clerk reads it: 15/05/2025, 2/3, có/không.</summary>
    public string Show(ParameterDefinition parameter) => parameter.Type switch
    {
        "date" when ParameterValues.Date(parameter.Default) is { } date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        "boolean" => parameter.Default.GetValue<bool>() ? T.L("có", "yes") : T.L("không", "no"),
        _ when parameter.Options is not null => T.L(parameter.Words(parameter.Default).Vi, parameter.Words(parameter.Default).En),
        _ => parameter.Default.ToString(),
    };

    /// <summary>The steps people work, in order, nested lists flattened (a notice or a check is not shown).</summary>
    public IEnumerable<StepDefinition> WorkedSteps => Definition!.AllSteps.Values.Where(s => s.Task is not null);

    private void Load() =>
        Definition = definitions.Latest.FirstOrDefault(d => d.Id == Id) ?? throw RequestRejectedException.NotFound("quy trình / procedure " + Id);
}
