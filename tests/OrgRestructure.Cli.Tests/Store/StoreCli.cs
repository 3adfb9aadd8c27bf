using Microsoft.Extensions.Configuration;
using Npgsql;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Testing;

namespace OrgRestructure.Cli.Tests.Store;

/// <summary>Runs the real CLI against a fresh SQLite data directory or PostgreSQL database.</summary>
internal sealed class StoreCli
{
    private StoreCli(string? postgres, string dataDirectory)
    {
        Postgres = postgres;
        DataDirectory = dataDirectory;
    }

    public string? Postgres { get; }

    public string DataDirectory { get; }

    public static StoreCli Sqlite() =>
        new(null, Path.Combine(Path.GetTempPath(), "orgrestructure-cli-store-tests", Guid.NewGuid().ToString("N")));

    public static async Task<StoreCli> PostgresAsync()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync("cli_store");
        return new StoreCli(new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 10 }.ConnectionString, Path.GetTempPath());
    }

    public IRelationalEventStore OpenStore() => EventStoreFactory.Create(Postgres, Path.Combine(DataDirectory, "orgrestructure.db"));

    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var settings = new Dictionary<string, string?> { ["ORGRESTRUCTURE_DATA_DIR"] = DataDirectory };
        if (Postgres is not null)
        {
            settings["ConnectionStrings:EventStore"] = Postgres;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, configuration);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<AppendResult> AppendAsync(IEventStore store, string stream, long expected, params string[] types) =>
        await store.AppendAsync(new AppendRequest(
            stream,
            expected,
            types.Select((t, i) => new NewEvent(t, $$"""{"step":{{i}},"{{t}}":"Đảng ủy khối"}""")).ToList(),
            new EventMetadata("ban-to-chuc", "organization-board", Guid.NewGuid())));

    public static async Task ExecuteAsync(IRelationalEventStore store, string sql)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand(sql);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
