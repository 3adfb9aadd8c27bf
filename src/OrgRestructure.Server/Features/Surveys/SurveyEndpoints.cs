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
        group.MapPost("/", Import).Accepts<Survey>("application/json", "text/csv");
        group.MapGet("/current/plan", Plan);
        return app;
    }

    /// <summary>Imports a survey: JSON (the shared format) or CSV (<c>province,district,bloc,id,name,kind,members</c>).</summary>
    private static async Task<Created<RestructuringPlan>> Import(HttpContext context, CampaignService campaigns, CancellationToken ct)
    {
        CampaignService.RequireProvinceBoard(context.User.Caller());
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RequestRejectedException(400, "Thiếu nội dung khảo sát.", "The survey body is empty.");
        }

        var csv = context.Request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true;
        var survey = SurveyReader.Parse(text, csv);
        var state = await campaigns.ImportAsync(context.User.Caller(), survey, context.CommandId(), ct);
        return TypedResults.Created("/api/surveys/current/plan", state.Plan);
    }

    private static async Task<Ok<RestructuringPlan>> Plan(ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct)
    {
        var state = await campaigns.GetAsync(user.Caller(), ct);
        return TypedResults.Ok(state.Plan ?? throw RequestRejectedException.NotFound("khảo sát / survey"));
    }
}
