using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.EventStore.Replay;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Hosting;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Hosting;

public sealed class WorkflowServiceCollectionExtensionsTests
{
    [Fact]
    public async Task the_engine_resolves_from_services_and_its_cases_fold_for_replay()
    {
        var services = new ServiceCollection().AddSingleton<IEventStore, InMemoryEventStore>().AddWorkflowEngine(RepositoryPaths.WorkflowsDirectory);
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IWorkflowEngine>();

        var started = await engine.StartCaseAsync("party-committee-formation", FormData.FormationInput(FormData.Committee("c", "Đảng bộ", 31)), EngineHarness.StandingCommittee);

        var store = provider.GetRequiredService<IEventStore>();
        var events = await store.ReadStreamAsync(started.CaseId);
        var folder = new StreamFolderRegistry(provider.GetServices<IStreamFolder>()).Resolve(started.CaseId, events);
        Assert.IsType<CaseStreamFolder>(folder);
        Assert.Equal("running", folder.Fold(started.CaseId, events)!["status"]!.GetValue<string>());
    }

    [Fact]
    public void an_invalid_definitions_directory_stops_start_up_naming_the_problem()
    {
        var directory = Directory.CreateTempSubdirectory("workflows-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "bad.json"), "{ \"id\": \"bad\" }");

            var ex = Assert.Throws<InvalidWorkflowDefinitionException>(() => new ServiceCollection().AddWorkflowEngine(directory));

            Assert.Contains(ex.Errors, e => e.File.EndsWith("bad.json", StringComparison.Ordinal) && e.Path == "$.version" && e.Message == "is required");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
