using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Server.Features.Procedures;

/// <summary>Every procedure users can run, the version new cases start on, with its legal basis.</summary>
public sealed class IndexModel(WorkflowDefinitionRegistry definitions) : AppPage
{
    public IReadOnlyList<WorkflowDefinition> Procedures { get; private set; } = [];

    public void OnGet() => Procedures = definitions.Latest;
}
