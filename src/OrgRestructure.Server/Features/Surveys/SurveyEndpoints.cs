using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        CampaignService.RequireProvinceBoard(context.User.Caller());
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RequestRejectedException(400, "Thiếu nội dung khảo sát.", "The survey body is empty.");
        }

        var csv = context.Request.ContentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true;
        if (!csv)
        {
            EnsureJsonShape(text);
        }

        var state = await campaigns.ImportAsync(context.User.Caller(), text, csv ? "csv" : "json", context.CommandId(), ct);
        return TypedResults.Created("/api/surveys/current/plan", PlanView.From(state.Plan!, state.Survey!.PilotDistricts));
    }

    private static async Task<Ok<PlanView>> Plan(ClaimsPrincipal user, CampaignService campaigns, CancellationToken ct)
    {
        var state = await campaigns.GetAsync(user.Caller(), ct);
        return TypedResults.Ok(state.Plan is null ? throw RequestRejectedException.NotFound("khảo sát / survey") : PlanView.From(state.Plan, state.Survey!.PilotDistricts));
    }

    /// <summary>
    /// Malformed JSON or a top-level value of the wrong type is a bad request (400); what the
    /// survey says is the domain importer's to judge (422 with every problem).
    /// </summary>
    private static void EnsureJsonShape(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new RequestRejectedException(400, $"Tệp khảo sát không phải JSON hợp lệ (dòng {e.LineNumber + 1}).", $"The survey is not valid JSON (line {e.LineNumber + 1}).");
        }

        if (root is not JsonObject survey
            || (survey["province"] is { } province && province.GetValueKind() != JsonValueKind.String)
            || (survey["districts"] is { } districts && districts is not JsonArray))
        {
            throw new RequestRejectedException(400, "Sai kiểu dữ liệu: \"province\" phải là chuỗi, \"districts\" phải là mảng.", "Wrong type: \"province\" must be a string and \"districts\" an array.");
        }
    }
}
