using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Dashboard;

public sealed class ProvinceModel(NationalDashboardService national) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string Province { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public ProvinceDashboardView? View { get; private set; }

    public async Task OnGetAsync() => View = await national.GetProvinceAsync(Me, Province, null, Cursor, HttpContext.RequestAborted);
}
