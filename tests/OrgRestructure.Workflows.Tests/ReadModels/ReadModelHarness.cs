using System.Text.Json.Nodes;
using Npgsql;
using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Sqlite;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.ReadModels;

/// <summary>The engine over a real relational store with the case read model inline, on SQLite or PostgreSQL.</summary>
public sealed class ReadModelHarness : IAsyncDisposable
{
    private ReadModelHarness(IRelationalEventStore store, ManualClock clock)
    {
        Store = store;
        Clock = clock;
        ReadModel = new CaseReadModel(store);
        Engine = new WorkflowEngine(store, EngineHarness.CopyOfShipped(), clock, dueCases: ReadModel);
    }

    public IRelationalEventStore Store { get; }

    public ManualClock Clock { get; }

    public CaseReadModel ReadModel { get; }

    public WorkflowEngine Engine { get; }

    public static async Task<ReadModelHarness> StartAsync(EventStoreBackend backend)
    {
        var clock = new ManualClock(new DateTimeOffset(2014, 9, 1, 8, 0, 0, TimeSpan.FromHours(7)));
        var options = new EventStoreOptions { Clock = clock };
        options.InlineProjections.Add(new CaseReadModelProjection());
        IRelationalEventStore store = backend == EventStoreBackend.Postgres
            ? new PostgresEventStore(new NpgsqlConnectionStringBuilder(await (await PostgresServer.GetAsync()).CreateDatabaseAsync("readmodel")) { MaxPoolSize = 20 }.ConnectionString, options)
            : new SqliteEventStore(Path.Combine(Path.GetTempPath(), "orgrestructure-readmodel-tests", Guid.NewGuid().ToString("N") + ".db"), options);
        await store.MigrateAsync();
        return new ReadModelHarness(store, clock);
    }

    public static JsonObject Input(string district, string province = "Quảng Nam", int committees = 2) => new()
    {
        ["district"] = district,
        ["province"] = province,
        ["committees"] = new JsonArray([.. Enumerable.Range(1, committees).Select(i => (JsonNode)FormData.Committee($"{district}-{i}", $"Đảng bộ Khối {i} {district}", 45))]),
    };

    public async Task<CaseState> StartAsync(string district, string province = "Quảng Nam", int committees = 2) =>
        (await Engine.StartCaseAsync("party-committee-formation", Input(district, province, committees), EngineHarness.StandingCommittee)).State;

    public async Task<CaseState> CompleteAsync(CaseState state, string stepId, JsonObject data, Actor actor)
    {
        var task = state.OpenTasks.First(t => t.StepId == stepId);
        return (await Engine.CompleteTaskAsync(state.CaseId, task.Id, data, actor)).State;
    }

    /// <summary>Every row of both tables, in key order: what a rebuild must reproduce.</summary>
    public async Task<(IReadOnlyList<CaseSummaryRow> Cases, IReadOnlyList<OpenTaskRow> Tasks)> RowsAsync()
    {
        var cases = await ReadModel.ListCasesAsync(new ReadScope("Quảng Nam", null), null, null, PageCursor.MaxLimit, null);
        var tasks = await ReadModel.ListTasksAsync(new ReadScope("Quảng Nam", null), new TaskFilter("nobody", "none", Everything: true), Clock.Now, PageCursor.MaxLimit, null);
        return (cases.Items, tasks.Items);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
