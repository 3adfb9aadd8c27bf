using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Cases;

public sealed class IndexModel(CaseService cases, CampaignService campaigns) : AppPage
{
    public IReadOnlyList<CaseView> Cases { get; private set; } = [];

    public bool CanLaunch => Me.Role == Role.DistrictStandingCommittee && Cases.All(c => c.Status == nameof(OrgRestructure.Workflows.State.CaseStatus.Cancelled));

    public async Task OnGetAsync() => Cases = [.. (await cases.ListAsync(Me, HttpContext.RequestAborted)).OrderBy(c => c.District, StringComparer.Ordinal)];

    public Task<IActionResult> OnPostLaunchAsync() => TryAsync(async () =>
    {
        var plan = (await campaigns.GetAsync(Me, HttpContext.RequestAborted)).Plan
            ?? throw RequestRejectedException.Conflict("Tỉnh chưa nhập khảo sát; chưa có phương án cho huyện.", "The province has not imported a survey yet.");
        var district = plan.Districts.First(d => d.District == Me.District);
        var state = await cases.StartAsync(Me, plan.Province, district.District, district.Committees, null, HttpContext.RequestAborted);
        return Redirect($"/cases/{state.CaseId}");
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
