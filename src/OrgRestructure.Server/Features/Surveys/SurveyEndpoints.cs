using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Surveys;

public static class SurveyEndpoints
{
    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/surveys").WithTags("Surveys").RequireAuthorization();
        group.MapPost("/", Import).Accepts<string>("application/json", "text/csv");
        group.MapGet("/current/plan", Plan);
        return app;
    }

    /// <summary>Imports a survey: JSON (the shared format) or CSV (<c>province,district,bloc,id,name,kind,members</c>).</summary>
    private static async Task<Created<PlanView>> Import(HttpContext context, CampaignService campaigns, CancellationToken ct)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RequestRejectedException(400, "Thiếu nội dung khảo sát.", "The survey body is empty.");
        }

        var csv = context.Request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true;
        var state = await campaigns.ImportAsync(context.User.Caller(), text, csv ? "csv" : "json", context.CommandId(), ct);
        return TypedResults.Created("/api/surveys/current/plan", PlanView.From(state.Plan!, state.Survey!.PilotDistricts));
    }

    private static async Task<Ok<PlanView>> Plan(ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct)
    {
        var state = await campaigns.GetAsync(user.Caller(), ct);
        return TypedResults.Ok(state.Plan is null ? throw RequestRejectedException.NotFound("khảo sát / survey") : PlanView.From(state.Plan, state.Survey!.PilotDistricts));
    }
}
