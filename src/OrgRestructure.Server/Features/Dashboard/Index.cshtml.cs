using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Dashboard;

public sealed class IndexModel(DashboardService dashboard) : AppPage
{
    public DashboardView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The central board has no province campaign: its overview is the country's.
        if (Me.IsNational)
        {
            return Redirect("/national");
        }

        View = await dashboard.GetAsync(Me, HttpContext.RequestAborted);
        return Page();
    }
}
