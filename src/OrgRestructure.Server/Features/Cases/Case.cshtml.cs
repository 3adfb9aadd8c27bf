using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Workflows.Diagram;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Cases;

public sealed class CaseModel(CaseService cases, IWorkflowEngine engine) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = string.Empty;

    public CaseView? Case { get; private set; }

    public string Svg { get; private set; } = string.Empty;

    public bool CanCancel => Case?.Status == nameof(OrgRestructure.Workflows.State.CaseStatus.Running) && Me.Role is Role.DistrictStandingCommittee or Role.ProvinceOrganizationBoard or Role.Administrator;

    public async Task OnGetAsync()
    {
        var state = await cases.GetStateAsync(Me, CaseId, null, null, HttpContext.RequestAborted);
        Case = await cases.GetAsync(Me, CaseId, null, null, HttpContext.RequestAborted);
        Svg = SvgDiagram.Render(engine.Definitions.Get(state.DefinitionId, state.DefinitionVersion), DiagramState.From(state));
    }

    public Task<IActionResult> OnPostCancelAsync(string? reason) => TryAsync(async () =>
    {
        await cases.CancelAsync(Me, CaseId, reason, null, HttpContext.RequestAborted);
        return RedirectToPage();
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
