using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Cases.Dossier;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>Either a procedure and its input ({definitionId, version?, input}), or (the district-survey path) a district of the province plan.</summary>
public sealed record LaunchCaseRequest(string? District, string? DefinitionId = null, int? Version = null, System.Text.Json.Nodes.JsonObject? Input = null);

public sealed record CancelCaseRequest(string? Reason);

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        group.MapGet("/", List);
        group.MapPost("/", Launch);
        group.MapGet("/{caseId}", Get);
        group.MapPost("/{caseId}/cancel", Cancel);
        group.MapDossier();
        return app;
    }

    /// <summary>A page of the caller's cases (by district); the next page's cursor is in the X-Next-Cursor and Link headers.</summary>
    private static async Task<Ok<IReadOnlyList<CaseSummary>>> List(HttpContext context, CaseService cases, string? status, string? district, int? limit, string? cursor, CancellationToken ct)
    {
        var page = await cases.ListAsync(context.User.Caller(), status, district, limit, cursor, ct);
        return TypedResults.Ok(context.WithNextPage(page));
    }

    /// <summary>A procedure launched with its input; or a district launching its own case with the committees the province plan gives it.</summary>
    private static async Task<Created<CaseView>> Launch(LaunchCaseRequest request, HttpContext context, CaseService cases, CampaignService campaigns, CancellationToken ct)
    {
        var caller = context.User.Caller();
        if (request.DefinitionId is not null || request.Input is not null)
        {
            var launched = await cases.LaunchAsync(caller, request.DefinitionId, request.Version, request.Input, context.CommandId(), ct);
            return TypedResults.Created($"/api/cases/{launched.CaseId}", launched);
        }

        // Refused before the province's plan is read: the central board has none, and "no survey" would misname the reason.
        if (!CaseService.CanLaunch(caller))
        {
            throw RequestRejectedException.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(request.District))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["district"] = ["Bắt buộc nhập / required"] });
        }

        var plan = (await campaigns.GetAsync(caller, ct)).Plan
            ?? throw RequestRejectedException.Conflict("Tỉnh chưa nhập khảo sát; chưa có phương án cho huyện.", "The province has not imported a survey; there is no plan for the district yet.");
        var district = plan.Districts.FirstOrDefault(d => d.District == request.District.Trim())
            ?? throw RequestRejectedException.NotFound("huyện / district " + request.District);
        var started = await cases.StartAsync(caller, plan.Province, district.District, district.Committees, context.CommandId(), ct);
        return TypedResults.Created($"/api/cases/{started.State.CaseId}", cases.View(started));
    }

    private static async Task<Ok<CaseView>> Get(string caseId, ClaimsPrincipal user, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.GetAsync(user.Caller(), caseId, null, null, ct));

    private static async Task<Results<Ok<CaseView>, Ok<CaseStanding>>> Cancel(string caseId, CancelCaseRequest request, HttpContext context, CaseService cases, CancellationToken ct) =>
        CommandAnswer.For(context, cases, await cases.CancelAsync(context.User.Caller(), caseId, request.Reason, context.CommandId(), ct));
}
