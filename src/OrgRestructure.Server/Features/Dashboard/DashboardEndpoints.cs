using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Dashboard;

public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization();
        group.MapGet("/", async Task<Ok<DashboardView>> (ClaimsPrincipal user, DashboardService dashboard, CancellationToken ct) =>
            TypedResults.Ok(await dashboard.GetAsync(user.Caller(), ct)));
        // The national 2025 campaign: the provinces in the caller's scope, then one province's units.
        group.MapGet("/national", async Task<Ok<NationalDashboardView>> (ClaimsPrincipal user, NationalDashboardService national, CancellationToken ct) =>
            TypedResults.Ok(await national.GetAsync(user.Caller(), ct)));
        group.MapGet("/national/{province}", async Task<Ok<ProvinceDashboardView>> (ClaimsPrincipal user, NationalDashboardService national, string province, int? limit, string? cursor, CancellationToken ct) =>
            TypedResults.Ok(await national.GetProvinceAsync(user.Caller(), province, limit, cursor, ct)));
        return app;
    }
}
