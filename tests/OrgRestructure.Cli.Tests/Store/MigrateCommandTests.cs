namespace OrgRestructure.Cli.Tests.Store;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task migrate_creates_the_sqlite_schema_and_a_second_run_applies_nothing()
    {
        var cli = StoreCli.Sqlite();

        var first = await cli.RunAsync("migrate");
        var second = await cli.RunAsync("migrate");

        Assert.Equal(0, first.Exit);
        Assert.Contains("applied 001", first.Output, StringComparison.Ordinal);
        Assert.Contains("2 migration(s) applied, schema at version 2", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Contains("0 migration(s) applied, schema at version 2", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cli.DataDirectory, "orgrestructure.db")));
    }

    [Fact]
    public async Task migrate_applies_the_postgres_schema_when_a_connection_string_is_configured()
    {
        var cli = await StoreCli.PostgresAsync();

        var result = await cli.RunAsync("migrate");

        Assert.Equal(0, result.Exit);
        Assert.Contains("PostgreSQL", result.Output, StringComparison.Ordinal);
        await using var store = (IAsyncDisposable)cli.OpenStore();
        Assert.Equal(0, await ((OrgRestructure.EventStore.Streams.IEventStore)store).GetStreamVersionAsync("none"));
    }

    [Fact]
    public async Task migrate_rejects_unknown_arguments_as_bad_input()
    {
        var result = await StoreCli.Sqlite().RunAsync("migrate", "--force");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--force", result.Error, StringComparison.Ordinal);
    }
}
