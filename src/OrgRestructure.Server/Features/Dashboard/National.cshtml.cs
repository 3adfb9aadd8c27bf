using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Dashboard;

public sealed class NationalModel(NationalDashboardService national) : AppPage
{
    public NationalDashboardView? View { get; private set; }

    public async Task OnGetAsync() => View = await national.GetAsync(Me, HttpContext.RequestAborted);
}
