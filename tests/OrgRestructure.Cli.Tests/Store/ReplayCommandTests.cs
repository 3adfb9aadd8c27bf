using System.Text.Json;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Cli.Tests.Store;

public sealed class ReplayCommandTests
{
    [Fact]
    public async Task replay_at_a_version_prints_the_events_up_to_it_and_the_folded_state()
    {
        var cli = StoreCli.Sqlite();
        await cli.RunAsync("migrate");
        var store = cli.OpenStore();
        await StoreCli.AppendAsync(store, "case-r", AppendRequest.NoStream, "CaseLaunched", "ConferenceHeld", "DecisionIssued");

        var result = await cli.RunAsync("replay", "--stream", "case-r", "--at", "2");

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["CaseLaunched", "ConferenceHeld"], root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(2, root.GetProperty("state").GetProperty("version").GetInt64());
        Assert.Equal("Đảng ủy khối", root.GetProperty("state").GetProperty("data").GetProperty("ConferenceHeld").GetString());
        Assert.Equal(1, root.GetProperty("state").GetProperty("data").GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task replay_at_a_time_stops_at_the_last_event_recorded_by_then()
    {
        var cli = StoreCli.Sqlite();
        await cli.RunAsync("migrate");
        var store = cli.OpenStore();
        var first = await StoreCli.AppendAsync(store, "case-t", AppendRequest.NoStream, "CaseLaunched");
        await Task.Delay(5);
        await StoreCli.AppendAsync(store, "case-t", 1, "StepStarted");

        var result = await cli.RunAsync("replay", "--stream", "case-t", "--at", first.Events[0].Timestamp.ToString("O"));

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Single(json.RootElement.GetProperty("events").EnumerateArray());
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("replay", "--stream")]
    [InlineData("replay", "--stream", "case-x", "--at", "yesterday-ish")]
    public async Task replay_with_missing_or_malformed_options_is_bad_input(params string[] args)
    {
        var result = await StoreCli.Sqlite().RunAsync(args);

        Assert.Equal(2, result.Exit);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task replay_of_an_unknown_stream_exits_1()
    {
        var cli = StoreCli.Sqlite();
        await cli.RunAsync("migrate");

        var result = await cli.RunAsync("replay", "--stream", "no-such-case");

        Assert.Equal(1, result.Exit);
        Assert.Contains("no-such-case", result.Error, StringComparison.Ordinal);
    }
}
