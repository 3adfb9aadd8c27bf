using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Definitions;

public static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization();
        group.MapGet("/", () => TypedResults.Ok(ProcedureDefinition.All));
        group.MapGet("/{id}/diagram", Diagram);
        return app;
    }

    /// <summary>The procedure as SVG; with <c>caseId</c>, that case's position on it.</summary>
    private static async Task<FileContentHttpResult> Diagram(string id, string? caseId, string? lang, ClaimsPrincipal user, CaseService cases, CancellationToken ct)
    {
        var definition = ProcedureDefinition.All.FirstOrDefault(d => d.Id == id) ?? throw RequestRejectedException.NotFound("quy trình / definition " + id);
        var state = caseId is null ? null : await cases.GetAsync(user.Caller(), caseId, null, ct);
        var svg = DiagramRenderer.Render(definition, state?.CurrentStep, state?.CompletedSteps ?? [], lang == "en");
        return TypedResults.File(Encoding.UTF8.GetBytes(svg), "image/svg+xml");
    }
}
