using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases.Dossier;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Cases;

public sealed class CaseModel(CaseService cases, DossierService dossiers) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = string.Empty;

    public CaseRecordView? Record { get; private set; }

    public CaseView? Case => Record?.Case;

    public bool CanCancel => Case?.Status == nameof(OrgRestructure.Workflows.State.CaseStatus.Running) && Me.Role is Role.DistrictStandingCommittee or Role.ProvinceOrganizationBoard or Role.Administrator;

    /// <summary>A user's display name (an assignee, an actor).</summary>
    public string NameOf(string user) => dossiers.NameOf(user);

    public async Task OnGetAsync()
    {
        var read = await cases.ReadAsync(Me, CaseId, null, null, HttpContext.RequestAborted);
        Record = await CaseRecordView.BuildAsync(read, cases, dossiers, T.English, HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostCancelAsync(string? reason) => TryAsync(async () =>
    {
        await cases.CancelAsync(Me, CaseId, reason, null, HttpContext.RequestAborted);
        return RedirectToPage();
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
