using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Cases;

public sealed class CaseModel(CaseService cases) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = string.Empty;

    public CaseState? Case { get; private set; }

    public string Svg { get; private set; } = string.Empty;

    public bool CanCancel => Case?.Status == CaseStatus.Active && Me.Role is Role.DistrictStandingCommittee or Role.ProvinceOrganizationBoard or Role.Administrator;

    public async Task OnGetAsync()
    {
        Case = await cases.GetAsync(Me, CaseId, null, HttpContext.RequestAborted);
        Svg = DiagramRenderer.Render(ProcedureDefinition.Formation, Case.CurrentStep, Case.CompletedSteps, T.English);
    }

    public Task<IActionResult> OnPostCancelAsync(string? reason) => TryAsync(async () =>
    {
        await cases.CancelAsync(Me, CaseId, reason, null, HttpContext.RequestAborted);
        return RedirectToPage();
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
