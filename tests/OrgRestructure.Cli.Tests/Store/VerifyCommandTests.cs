using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Cli.Tests.Store;

public sealed class VerifyCommandTests
{
    [Fact]
    public async Task verify_exits_0_with_a_summary_when_every_chain_is_intact()
    {
        var cli = StoreCli.Sqlite();
        await cli.RunAsync("migrate");
        var store = cli.OpenStore();
        await StoreCli.AppendAsync(store, "case-a", AppendRequest.NoStream, "CaseLaunched", "StepStarted");
        await StoreCli.AppendAsync(store, "case-b", AppendRequest.NoStream, "CaseLaunched");

        var result = await cli.RunAsync("verify");

        Assert.Equal(0, result.Exit);
        Assert.Contains("2 streams, 3 events verified", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task verify_exits_1_naming_the_event_altered_in_sqlite()
    {
        var cli = StoreCli.Sqlite();
        await cli.RunAsync("migrate");
        var store = cli.OpenStore();
        await StoreCli.AppendAsync(store, "case-a", AppendRequest.NoStream, "CaseLaunched", "StepStarted");
        var altered = await StoreCli.AppendAsync(store, "case-b", AppendRequest.NoStream, "CaseLaunched", "VoteRecorded", "DecisionIssued");
        await StoreCli.ExecuteAsync(store, "UPDATE events SET data = '{\"votes\":99}' WHERE stream_id = 'case-b' AND version = 2");

        var all = await cli.RunAsync("verify");
        var intact = await cli.RunAsync("verify", "--stream", "case-a");

        Assert.Equal(1, all.Exit);
        Assert.Contains($"stream 'case-b' version 2 (event {altered.Events[1].EventId}", all.Output, StringComparison.Ordinal);
        Assert.Contains("hash does not match", all.Output, StringComparison.Ordinal);
        Assert.Equal(0, intact.Exit);
        Assert.Contains("1 streams, 2 events verified", intact.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task verify_exits_1_naming_the_event_altered_in_postgres()
    {
        var cli = await StoreCli.PostgresAsync();
        await cli.RunAsync("migrate");
        var store = cli.OpenStore();
        var appended = await StoreCli.AppendAsync(store, "case-p", AppendRequest.NoStream, "CaseLaunched", "VoteRecorded");
        await StoreCli.ExecuteAsync(store, "UPDATE events SET actor = 'someone-else' WHERE stream_id = 'case-p' AND version = 1");

        var result = await cli.RunAsync("verify", "--stream", "case-p");

        Assert.Equal(1, result.Exit);
        Assert.Contains($"stream 'case-p' version 1 (event {appended.Events[0].EventId}", result.Output, StringComparison.Ordinal);
        await ((IAsyncDisposable)store).DisposeAsync();
    }

    [Fact]
    public async Task verify_without_a_store_says_to_migrate_first()
    {
        var result = await StoreCli.Sqlite().RunAsync("verify");

        Assert.Equal(1, result.Exit);
        Assert.Contains("orgrestructure migrate", result.Error, StringComparison.Ordinal);
    }
}
