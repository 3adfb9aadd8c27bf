using OrgRestructure.Bench.Marten.Peers;
using OrgRestructure.Testing;

namespace OrgRestructure.Bench.Marten.Tests;

/// <summary>The peers must do the same work, or their ratios mean nothing: a small run checks that, not their speed.</summary>
public sealed class PeerBenchmarkTests
{
    [Fact]
    public async Task ours_marten_and_raw_sql_fold_the_same_state_from_the_same_run()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench_peers");
        IStorePeer[] peers = [new OurStorePeer(connectionString), new MartenPeer(connectionString), new RawSqlPeer(connectionString)];
        try
        {
            var report = await PeerBenchmark.RunAsync(
                connectionString, peers, new PeerBenchOptions(TimeSpan.FromMilliseconds(100), Streams: 6, EventsPerStream: 25, EventsPerLoadAppend: 10, Readers: 3),
                TextWriter.Null, CancellationToken.None);

            var expected = Enumerable.Range(0, 6).Select(i => new FoldedStream(PeerBenchmark.StreamId(i), 25, 25 * 26 / 2)).ToList();
            Assert.Equal(["ours", "marten", "raw"], report.Folds.Keys);
            Assert.All(report.Folds.Values, folded => Assert.Equal(expected, folded));
            Assert.Equal([1, 8, 32], report.Appends.Select(c => c.Writers));
            Assert.All(report.Appends.Append(report.ReadFold).Append(report.Rebuild), cell => Assert.Equal(["ours", "marten", "raw"], cell.PerSecond.Keys));
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task a_rebuild_leaves_one_summary_row_per_stream_on_every_peer()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench_rebuild");
        await using var ours = new OurStorePeer(connectionString);
        await using var marten = new MartenPeer(connectionString);
        await using var raw = new RawSqlPeer(connectionString);
        foreach (var peer in new IStorePeer[] { ours, marten, raw })
        {
            await peer.PrepareAsync(CancellationToken.None);
            await peer.AppendAsync("s-1", 0, [1, 2], CancellationToken.None);
            await peer.AppendAsync("s-1", 2, [3], CancellationToken.None);
            await peer.AppendAsync("s-2", 0, [4], CancellationToken.None);
            await peer.RebuildAsync(CancellationToken.None);
        }

        Assert.Equal(2L, await CountAsync(connectionString, "SELECT count(*) FROM bench_summary"));
        Assert.Equal(2L, await CountAsync(connectionString, "SELECT count(*) FROM marten.mt_doc_benchstream"));
        Assert.Equal(2L, await CountAsync(connectionString, "SELECT count(*) FROM peer_raw_summary"));
    }

    [Fact]
    public async Task every_peer_refuses_an_append_at_a_stale_version()
    {
        var connectionString = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("bench_stale");
        IStorePeer[] peers = [new OurStorePeer(connectionString), new MartenPeer(connectionString), new RawSqlPeer(connectionString)];
        foreach (var peer in peers)
        {
            await peer.PrepareAsync(CancellationToken.None);
            await peer.AppendAsync("s", 0, [1], CancellationToken.None);
            await peer.AppendAsync("s", 1, [2], CancellationToken.None);

            await Assert.ThrowsAnyAsync<Exception>(() => peer.AppendAsync("s", 1, [3], CancellationToken.None));
            Assert.Equal(new FoldedStream("s", 2, 3), await peer.ReadAndFoldAsync("s", CancellationToken.None));
            await peer.DisposeAsync();
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
