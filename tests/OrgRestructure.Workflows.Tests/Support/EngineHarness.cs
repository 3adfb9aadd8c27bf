using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Tests.Support;

/// <summary>The engine over an in-memory store with the shipped definitions and a hand-moved clock.</summary>
public sealed class EngineHarness
{
    public static readonly Actor StandingCommittee = new("bt-huyen", "district-standing-committee");
    public static readonly Actor OrganizationBoard = new("btc-huyen", "district-organization-board");
    public static readonly Actor InspectionCommittee = new("ubkt-huyen", "district-inspection-committee");

    private static readonly Lazy<WorkflowDefinitionRegistry> Shipped = new(() => WorkflowDefinitionRegistry.LoadFromDirectory(OrgRestructure.Testing.RepositoryPaths.WorkflowsDirectory));

    public EngineHarness(WorkflowDefinitionRegistry? registry = null)
    {
        Registry = registry ?? CopyOfShipped();
        Engine = new WorkflowEngine(Store, Registry, Clock);
    }

    public InMemoryEventStore Store { get; } = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2014, 9, 1, 8, 0, 0, TimeSpan.FromHours(7)));

    public WorkflowDefinitionRegistry Registry { get; }

    public WorkflowEngine Engine { get; }

    public static WorkflowDefinitionRegistry CopyOfShipped()
    {
        var registry = new WorkflowDefinitionRegistry();
        foreach (var d in Shipped.Value.All)
        {
            registry.Register(d);
        }

        return registry;
    }

    /// <summary>The state replayed from the stored events, to compare with what a command returned.</summary>
    public async Task<CaseState> ReplayAsync(string caseId) => CaseStreamFolder.Fold(await Store.ReadStreamAsync(caseId));

    public static string Snapshot(CaseState state) => CaseStreamFolder.ToJson(state);

    public static JsonObject Json(object value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();

    public static WorkTask OpenTaskAt(CaseState state, string stepId, string? branchId = null) =>
        state.OpenTasks.Single(t => t.StepId == stepId && (branchId is null || t.BranchId == branchId));
}
