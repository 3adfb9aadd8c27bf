using OrgRestructure.EventStore.Leadership;
using OrgRestructure.Testing;

namespace OrgRestructure.EventStore.Tests.Leadership;

public sealed class LeaderLockTests
{
    [Fact]
    public async Task postgres_advisory_lock_admits_one_leader_across_nodes_and_passes_on_when_released()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("leader");
        var nodeA = new PostgresAdvisoryLeaderLock(database);
        var nodeB = new PostgresAdvisoryLeaderLock(database);

        var first = await nodeA.TryAcquireAsync("relay");
        Assert.NotNull(first);
        Assert.Null(await nodeB.TryAcquireAsync("relay"));
        Assert.True(await first.IsHeldAsync());
        await using (var other = await nodeB.TryAcquireAsync("scheduler"))
        {
            Assert.NotNull(other);
        }

        await first.DisposeAsync();
        await using var second = await nodeB.TryAcquireAsync("relay");
        Assert.NotNull(second);
    }

    [Fact]
    public async Task a_lease_on_a_pooled_data_source_lets_go_when_disposed_though_its_connection_returns_to_the_pool()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("leader");
        await using var pooled = Npgsql.NpgsqlDataSource.Create(database);
        var nodeA = new PostgresAdvisoryLeaderLock(pooled);
        var nodeB = new PostgresAdvisoryLeaderLock(database);

        var first = await nodeA.TryAcquireAsync("projection-daemon");
        Assert.NotNull(first);
        await first.DisposeAsync();

        await using var second = await nodeB.TryAcquireAsync("projection-daemon");
        Assert.NotNull(second);
    }

    [Fact]
    public async Task file_lock_admits_one_holder_per_data_directory_until_released()
    {
        var directory = Path.Combine(Path.GetTempPath(), "orgrestructure-leader-" + Guid.NewGuid().ToString("N"));
        try
        {
            var one = new FileLeaderLock(directory);
            var two = new FileLeaderLock(directory);

            var held = await one.TryAcquireAsync("relay");
            Assert.NotNull(held);
            Assert.Null(await two.TryAcquireAsync("relay"));
            await held.DisposeAsync();
            await using var next = await two.TryAcquireAsync("relay");
            Assert.NotNull(next);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task in_process_lock_admits_one_holder_per_name()
    {
        var leaders = new InProcessLeaderLock();
        var held = await leaders.TryAcquireAsync("relay");
        Assert.NotNull(held);
        Assert.Null(await leaders.TryAcquireAsync("relay"));
        await held.DisposeAsync();
        Assert.False(await held.IsHeldAsync());
        await using var next = await leaders.TryAcquireAsync("relay");
        Assert.NotNull(next);
    }
}
