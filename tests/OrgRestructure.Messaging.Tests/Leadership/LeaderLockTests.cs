using OrgRestructure.Messaging.Leadership;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Leadership;

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
    public async Task file_lock_admits_one_holder_per_data_directory_until_released()
    {
        using var temp = new TempDirectory();
        var one = new FileLeaderLock(temp.Path);
        var two = new FileLeaderLock(temp.Path);

        var held = await one.TryAcquireAsync("relay");
        Assert.NotNull(held);
        Assert.Null(await two.TryAcquireAsync("relay"));
        await held.DisposeAsync();
        await using var next = await two.TryAcquireAsync("relay");
        Assert.NotNull(next);
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
