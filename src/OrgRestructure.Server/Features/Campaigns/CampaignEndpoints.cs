using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Campaigns;

public sealed record PilotRequest(IReadOnlyList<string>? Districts);

public sealed record CampaignView(string CampaignId, string Province, int OrganizationsBefore, int CommitteesAfter, IReadOnlyList<DistrictsLaunched> Launches);

public static class CampaignEndpoints
{
    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization();
        group.MapGet("/current", Get);
        group.MapPost("/current/pilot", Pilot);
        group.MapPost("/current/rollout", Rollout);
        return app;
    }

    private static async Task<Ok<CampaignView>> Get(ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok(View(await campaigns.GetAsync(user.Caller(), ct)));

    private static async Task<Ok<CampaignView>> Pilot(PilotRequest request, HttpContext context, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok(View(await campaigns.LaunchAsync(context.User.Caller(), request.Districts ?? [], context.CommandId(), ct)));

    private static async Task<Ok<CampaignView>> Rollout(HttpContext context, CampaignService campaigns, CancellationToken ct) =>
        TypedResults.Ok(View(await campaigns.LaunchAsync(context.User.Caller(), null, context.CommandId(), ct)));

    private static CampaignView View(CampaignState s) =>
        new(s.CampaignId, s.Province, s.Plan?.Totals.OrganizationsBefore ?? 0, s.Plan?.Totals.CommitteesAfter ?? 0, s.Launches);
}
