using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.Diagram;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Definitions;

public sealed record DefinitionSummary(string Id, int Version, string TitleVi, string TitleEn, IReadOnlyList<string> LegalBasis, IReadOnlyList<string> Steps);

public static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization();
        group.MapGet("/", (IWorkflowEngine engine) => TypedResults.Ok<IReadOnlyList<DefinitionSummary>>([.. engine.Definitions.All.Select(d =>
            new DefinitionSummary(d.Id, d.Version, d.Title.Vi, d.Title.En, d.LegalBasis, [.. d.AllSteps.Keys]))]));
        group.MapGet("/{id}/diagram", Diagram);
        return app;
    }

    /// <summary>The definition as SVG (the engine's renderer); with <c>caseId</c>, that case's position on it.</summary>
    private static async Task<FileContentHttpResult> Diagram(string id, int? version, string? caseId, ClaimsPrincipal user, IWorkflowEngine engine, CaseService cases, CancellationToken ct)
    {
        var state = caseId is null ? null : await cases.GetStateAsync(user.Caller(), caseId, null, null, ct);
        var definition = state is not null && state.DefinitionId == id ? engine.Definitions.Get(id, state.DefinitionVersion) : engine.Definitions.Get(id, version);
        var svg = SvgDiagram.Render(definition, state is null ? null : DiagramState.From(state));
        return TypedResults.File(Encoding.UTF8.GetBytes(svg), "image/svg+xml");
    }
}
