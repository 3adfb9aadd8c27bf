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

/// <summary>
/// A smoke run of the end-to-end bench at the pilot's size, 2 clients for a few seconds: every figure
/// is there, tasks were completed with the forms the bench filled in, and no request failed (no
/// timing is asserted).
/// </summary>
public sealed class BenchE2eCommandTests
{
    [Fact]
    public async Task bench_e2e_on_sqlite_completes_tasks_and_reports_every_figure_as_json_without_a_failed_request()
    {
        var result = await StoreCli.Sqlite().RunAsync(Pilot);

        AssertEveryFigure(result);
    }

    [Fact]
    public async Task bench_e2e_on_postgres_completes_tasks_and_reports_every_figure_as_json_without_a_failed_request()
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
            "bench", "e2e", "--definition", "party-committee-formation", "--url", server.Address.ToString(), "--seconds", "1", "--clients", "2", "--warmup", "1", "--json");

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
    [InlineData("--warmup", "-1")]
    [InlineData("--think", "minute")]
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
        ["bench", "e2e", "--definition", "party-committee-formation", "--scale", "pilot", "--seconds", "3", "--clients", "2", "--warmup", "3", "--think", "5", "--json"];

    private static readonly string[] WorkEndpoints = ["case list", "claim", "complete", "dashboard", "inbox", "notifications", "task"];

    private static void AssertEveryFigure((int Exit, string Output, string Error) result)
    {
        Assert.True(result.Exit == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("cases").GetInt32() > 0);
        Assert.True(root.GetProperty("openTasks").GetInt32() > 0);
        Assert.True(root.GetProperty("openTasksAtEnd").GetInt32() >= 0);
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.True(root.GetProperty("conflictsRetried").GetInt32() >= 0);
        Assert.True(root.GetProperty("consumerCatchUpSeconds").GetDouble() >= 0);
        Assert.True(root.GetProperty("completionsPerSecond").GetDouble() > 0);
        Assert.Equal(3, root.GetProperty("warmUpSeconds").GetDouble());
        Assert.Equal(5, root.GetProperty("thinkMs").GetDouble());
        AssertPercentiles(root.GetProperty("notificationLagMs"), "notificationLagMs");
        Assert.True(root.GetProperty("notificationLagMs").GetProperty("count").GetInt64() > 0);
        AssertPercentiles(root.GetProperty("notificationSeenLagMs"), "notificationSeenLagMs");
        Assert.False(string.IsNullOrEmpty(root.GetProperty("loadAverageAtStart").GetString()));
        Assert.True(root.GetProperty("server").GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(root.GetProperty("server").GetProperty("residentMegabytes").GetDouble() > 0);
        Assert.Equal(WorkEndpoints, root.GetProperty("latencyMs").EnumerateObject().Select(p => p.Name));

        var phases = root.GetProperty("phases").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["reads", "work"], phases.Keys);
        Assert.Equal(["case list", "dashboard", "inbox"], phases["reads"].GetProperty("latencyMs").EnumerateObject().Select(p => p.Name));
        Assert.Equal(WorkEndpoints, phases["work"].GetProperty("latencyMs").EnumerateObject().Select(p => p.Name));
        Assert.All(phases.Values.SelectMany(p => p.GetProperty("latencyMs").EnumerateObject()), endpoint =>
        {
            Assert.True(endpoint.Value.GetProperty("count").GetInt64() > 0, endpoint.Name);
            AssertPercentiles(endpoint.Value, endpoint.Name);
        });
        Assert.True(phases["work"].GetProperty("completions").GetInt64() > 0);
        Assert.All(phases.Values, p => Assert.Empty(p.GetProperty("errors").EnumerateObject()));
    }

    private static void AssertPercentiles(JsonElement latency, string name)
    {
        var (p50, p95, p99, max) = (latency.GetProperty("p50").GetDouble(), latency.GetProperty("p95").GetDouble(), latency.GetProperty("p99").GetDouble(), latency.GetProperty("max").GetDouble());
        Assert.True(p50 <= p95 && p95 <= p99 && p99 <= max, name);
    }
}
