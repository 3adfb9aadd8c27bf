using System.Text.Json;

namespace OrgRestructure.Cli.Tests.Store;

public sealed class BenchStoreCommandTests
{
    [Fact]
    public async Task bench_store_on_sqlite_reports_every_cell_read_fold_and_rebuild_as_json()
    {
        var result = await StoreCli.Sqlite().RunAsync("bench", "store", "--backend", "sqlite", "--seconds", "0.05", "--json");

        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Output);
        var sqlite = Assert.Single(json.RootElement.GetProperty("backends").EnumerateArray());
        var cells = sqlite.GetProperty("appends").EnumerateArray().Select(c => (c.GetProperty("writers").GetInt32(), c.GetProperty("eventsPerTransaction").GetInt32()));
        Assert.Equal([(1, 1), (1, 5), (8, 1), (8, 5), (32, 1), (32, 5)], cells);
        Assert.Equal(sqlite.GetProperty("eventsRead").GetInt64(), sqlite.GetProperty("eventsRebuilt").GetInt64());
        Assert.True(sqlite.GetProperty("eventsRead").GetInt64() > 0);
    }

    [Theory]
    [InlineData("--seconds", "0")]
    [InlineData("--backend", "oracle")]
    [InlineData("--fast")]
    public async Task bench_store_refuses_bad_options(params string[] options)
    {
        var result = await StoreCli.Sqlite().RunAsync(["bench", "store", .. options]);

        Assert.Equal(2, result.Exit);
    }
}
