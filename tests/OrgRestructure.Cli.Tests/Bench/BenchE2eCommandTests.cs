using System.Text.Json;
using OrgRestructure.Cli.Commands.Bench.EndToEnd;
using OrgRestructure.Cli.Tests.Store;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.Composition;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Tests.Bench;

/// <summary>A smoke run of the end-to-end bench at the pilot's size: every figure is there and no request failed (no timing is asserted).</summary>
public sealed class BenchE2eCommandTests
{
    [Fact]
    public async Task bench_e2e_on_sqlite_reports_every_endpoint_of_both_phases_as_json_without_a_failed_request()
    {
        var result = await StoreCli.Sqlite().RunAsync(Pilot);

        AssertEveryFigure(result);
    }

    [Fact]
    public async Task bench_e2e_on_postgres_reports_every_endpoint_of_both_phases_as_json_without_a_failed_request()
    {
        var result = await (await StoreCli.PostgresAsync()).RunAsync(Pilot);

        AssertEveryFigure(result);
    }

    [Fact]
    public async Task bench_e2e_with_url_times_the_running_server_it_is_given_without_seeding_or_starting_one()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "orgrestructure-cli-url-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        await SeedPilotAsync(dataDirectory);
        await using var server = await ServerProcess.StartAsync(ServerProcess.FindServerDll()!, dataDirectory, null, CancellationToken.None);

        var result = await StoreCli.Sqlite().RunAsync(
            "bench", "e2e", "--definition", "party-committee-formation", "--url", server.Address.ToString(), "--seconds", "1", "--clients", "2", "--json");

        Assert.True(result.Exit == 0, result.Error + result.Output);
        Assert.DoesNotContain("Seeded", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(server.Address.ToString(), root.GetProperty("backend").GetString());
        Assert.Equal(0, root.GetProperty("cases").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        var reads = root.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "reads");
        Assert.All(reads.GetProperty("latencyMs").EnumerateObject(), endpoint => Assert.True(endpoint.Value.GetProperty("count").GetInt32() > 0, endpoint.Name));
        Assert.Equal(["case list", "dashboard", "inbox"], reads.GetProperty("latencyMs").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("--backend", "oracle")]
    [InlineData("--scale", "world")]
    [InlineData("--clients", "1")]
    [InlineData("--seconds", "0")]
    public async Task bench_e2e_refuses_bad_options(params string[] options)
    {
        var result = await StoreCli.Sqlite().RunAsync(["bench", "e2e", "--definition", "party-committee-formation", .. options]);

        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public async Task bench_e2e_needs_the_procedure_its_cases_run()
    {
        var result = await StoreCli.Sqlite().RunAsync("bench", "e2e", "--scale", "pilot");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--definition", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The pilot's cases in a server's store before it starts: the bench with --url seeds nothing itself.</summary>
    private static async Task SeedPilotAsync(string dataDirectory)
    {
        var options = new EventStoreOptions();
        options.InlineProjections.Add(new CaseReadModelProjection());
        var store = EventStoreFactory.Create(null, Path.Combine(dataDirectory, "orgrestructure.db"), options);
        try
        {
            await store.MigrateAsync();
            var engine = new WorkflowEngine(store, WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory), TimeProvider.System, null, new CaseReadModel(store));
            var survey = new DemoData(RepositoryPaths.SurveyFile).LoadSurvey()!;
            await new CampaignSeed(engine, "party-committee-formation").LaunchAsync(CampaignSeed.SurveyDistricts(survey), 1, _ => { }, CancellationToken.None);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static readonly string[] Pilot =
        ["bench", "e2e", "--definition", "party-committee-formation", "--scale", "pilot", "--seconds", "1", "--clients", "2", "--json"];

    private static void AssertEveryFigure((int Exit, string Output, string Error) result)
    {
        Assert.True(result.Exit == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("cases").GetInt32() > 0);
        Assert.True(root.GetProperty("openTasks").GetInt32() > 0);
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        var phases = root.GetProperty("phases").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["reads", "mixed"], phases.Keys);
        Assert.Equal(["case list", "dashboard", "inbox"], phases["reads"].GetProperty("latencyMs").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["case list", "claim", "dashboard", "inbox", "release"], phases["mixed"].GetProperty("latencyMs").EnumerateObject().Select(p => p.Name));
        Assert.All(phases.Values.SelectMany(p => p.GetProperty("latencyMs").EnumerateObject()), endpoint =>
        {
            Assert.True(endpoint.Value.GetProperty("count").GetInt32() > 0, endpoint.Name);
            Assert.True(endpoint.Value.GetProperty("p50").GetDouble() <= endpoint.Value.GetProperty("p99").GetDouble(), endpoint.Name);
        });
        Assert.True(phases["mixed"].GetProperty("actionsPerSecond").GetDouble() > 0);
    }
}
