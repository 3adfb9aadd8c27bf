using System.Text.Json.Nodes;
using OrgRestructure.Cli.Tests.Store;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Tests.Projections;

public sealed class ProjectionsCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task rebuild_after_the_read_model_tables_were_emptied_gives_identical_rows_and_status_shows_the_lag_closed(bool postgres)
    {
        var cli = postgres ? await StoreCli.PostgresAsync() : StoreCli.Sqlite();
        var options = new EventStoreOptions();
        options.InlineProjections.Add(new CaseReadModelProjection());
        var relational = EventStoreFactory.Create(cli.Postgres, Path.Combine(cli.DataDirectory, "orgrestructure.db"), options);
        using var owned = relational as IDisposable;
        await relational.MigrateAsync();
        var engine = new WorkflowEngine(relational, WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory));
        var actor = new Actor("bt-huyen", "district-standing-committee");
        foreach (var district in new[] { "Duy Xuyên", "Phước Sơn", "Thăng Bình" })
        {
            var started = await engine.StartCaseAsync("party-committee-formation", Input(district), actor);
            await engine.ClaimTaskAsync(started.CaseId, started.State.OpenTasks.First().Id, actor);
        }

        var readModel = new CaseReadModel(relational);
        var before = await RowsAsync(readModel);
        await StoreCli.ExecuteAsync(relational, "DELETE FROM case_summaries WHERE district = 'Phước Sơn'");
        await StoreCli.ExecuteAsync(relational, "DELETE FROM open_tasks WHERE district = 'Duy Xuyên' AND assignee IS NOT NULL");
        var lagging = await cli.RunAsync("projections", "status");

        var rebuilt = await cli.RunAsync("projections", "rebuild", CaseReadModelProjection.Name);
        var status = await cli.RunAsync("projections", "status");

        Assert.Equal(0, rebuilt.Exit);
        Assert.Contains("3 cases", rebuilt.Output, StringComparison.Ordinal);
        Assert.Matches(@"case-read-model: 100 % \([\d,]+ / [\d,]+\)", rebuilt.Output);
        var after = await RowsAsync(readModel);
        Assert.Equal(before.Cases, after.Cases);
        Assert.Equal(before.Tasks, after.Tasks);
        Assert.Matches(@"case-read-model\s+inline\s+2\+", lagging.Output);
        Assert.Matches(@"case-read-model\s+inline\s+3\+\d+\s+\d+\s+\d+\s+0\s*$", status.Output.Split('\n')[1]);
    }

    [Fact]
    public async Task rebuild_of_an_unknown_projection_is_refused_with_the_known_names()
    {
        var (exit, _, error) = await StoreCli.Sqlite().RunAsync("projections", "rebuild", "inbox-of-everyone");

        Assert.Equal(2, exit);
        Assert.Contains(CaseReadModelProjection.Name, error, StringComparison.Ordinal);
    }

    private static JsonObject Input(string district) => new()
    {
        ["province"] = "Quảng Nam",
        ["district"] = district,
        ["committees"] = new JsonArray(new JsonObject { ["id"] = "c1", ["name"] = "Đảng bộ Khối Chính quyền " + district, ["blocs"] = new JsonArray("government"), ["organizations"] = new JsonArray("o1", "o2"), ["members"] = 45 }),
    };

    private static async Task<(IReadOnlyList<CaseSummaryRow> Cases, IReadOnlyList<OpenTaskRow> Tasks)> RowsAsync(CaseReadModel readModel)
    {
        var scope = new ReadScope("Quảng Nam", null);
        var cases = await readModel.ListCasesAsync(scope, null, null, PageCursor.MaxLimit, null);
        var tasks = await readModel.ListTasksAsync(scope, new TaskFilter("nobody", "none", Everything: true), DateTimeOffset.UtcNow, PageCursor.MaxLimit, null);
        return (cases.Items, tasks.Items);
    }
}
