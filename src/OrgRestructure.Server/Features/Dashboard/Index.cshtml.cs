using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Dashboard;

public sealed class IndexModel(DashboardService dashboard) : AppPage
{
    public DashboardView? View { get; private set; }

    public async Task OnGetAsync() => View = await dashboard.GetAsync(Me, HttpContext.RequestAborted);
}
