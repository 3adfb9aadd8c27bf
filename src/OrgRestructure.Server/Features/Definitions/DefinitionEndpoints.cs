using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Diagram;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Definitions;

public sealed record DefinitionSummary(string Id, int Version, string TitleVi, string TitleEn, IReadOnlyList<string> LegalBasis, IReadOnlyList<string> Steps)
{
    public string? DescriptionVi { get; init; }

    public string? DescriptionEn { get; init; }

    /// <summary>The plan it launches cases for, when it declares one.</summary>
    public string? CampaignPlan { get; init; }

    /// <summary>What a launch asks for: the input fields (typed, labelled) and the parameters it may override.</summary>
    public IReadOnlyList<FormField> Input { get; init; } = [];

    public IReadOnlyList<ParameterSummary> Parameters { get; init; } = [];

    public static DefinitionSummary From(WorkflowDefinition d) => new(d.Id, d.Version, d.Title.Vi, d.Title.En, d.LegalBasis, [.. d.AllSteps.Keys])
    {
        DescriptionVi = d.Description?.Vi,
        DescriptionEn = d.Description?.En,
        CampaignPlan = d.Campaign?.Plan,
        Input = d.Input,
        Parameters = [.. d.Parameters.Values.Select(p => new ParameterSummary(p.Name, p.Type, p.Default, p.Title.Vi, p.Title.En, p.Source?.Vi, p.Source?.En))],
    };
}

public sealed record ParameterSummary(string Name, string Type, JsonNode Default, string TitleVi, string TitleEn, string? SourceVi, string? SourceEn);

public static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization();
        // ?latest=true: one row per procedure, the version new cases start on.
        group.MapGet("/", (IWorkflowEngine engine, bool? latest) => TypedResults.Ok<IReadOnlyList<DefinitionSummary>>(
            [.. (latest == true ? engine.Definitions.Latest : engine.Definitions.All).Select(DefinitionSummary.From)]));
        group.MapGet("/{id}", (string id, int? version, IWorkflowEngine engine) => TypedResults.Ok(DefinitionSummary.From(engine.Definitions.Get(id, version))));
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
