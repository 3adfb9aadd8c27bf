using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Cases;

public sealed class IndexModel(CaseService cases, CampaignService campaigns) : AppPage
{
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public string? NextCursor { get; private set; }

    /// <summary>A district's standing committee sees only its district, so one page tells whether a live case exists.</summary>
    public bool CanLaunch => Me.Role == Role.DistrictStandingCommittee && Cursor is null && Cases.All(c => c.Status == nameof(OrgRestructure.Workflows.State.CaseStatus.Cancelled));

    public async Task OnGetAsync()
    {
        var page = await cases.ListAsync(Me, null, null, null, Cursor, HttpContext.RequestAborted);
        (Cases, NextCursor) = (page.Items, page.NextCursor);
    }

    public Task<IActionResult> OnPostLaunchAsync() => TryAsync(async () =>
    {
        var plan = (await campaigns.GetAsync(Me, HttpContext.RequestAborted)).Plan
            ?? throw RequestRejectedException.Conflict("Tỉnh chưa nhập khảo sát; chưa có phương án cho huyện.", "The province has not imported a survey yet.");
        var district = plan.Districts.First(d => d.District == Me.District);
        var started = await cases.StartAsync(Me, plan.Province, district.District, district.Committees, null, HttpContext.RequestAborted);
        return Redirect($"/cases/{started.State.CaseId}");
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
