using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Dashboard;

public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization()
            .MapGet("/", async Task<Ok<DashboardView>> (ClaimsPrincipal user, DashboardService dashboard, CancellationToken ct) =>
                TypedResults.Ok(await dashboard.GetAsync(user.Caller(), ct)));
        return app;
    }
}
