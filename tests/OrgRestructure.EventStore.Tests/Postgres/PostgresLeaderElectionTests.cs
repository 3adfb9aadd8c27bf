using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Postgres;

public sealed class PostgresLeaderElectionTests
{
    [Fact]
    public async Task one_node_leads_at_a_time_and_another_takes_over_when_it_lets_go()
    {
        await using var store = new PostgresEventStore(await TestDatabases.CreatePostgresAsync());
        await store.MigrateAsync();
        var first = new PostgresAdvisoryLockLeader(store.DataSource);
        await using var second = new PostgresAdvisoryLockLeader(store.DataSource);

        Assert.True(await first.TryAcquireAsync(CancellationToken.None));
        Assert.True(await first.TryAcquireAsync(CancellationToken.None));
        Assert.False(await second.TryAcquireAsync(CancellationToken.None));
        await first.DisposeAsync();
        Assert.True(await second.TryAcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task two_daemons_on_one_database_apply_each_event_once()
    {
        var connectionString = await TestDatabases.CreatePostgresAsync();
        await using var nodeA = new PostgresEventStore(connectionString);
        await using var nodeB = new PostgresEventStore(connectionString);
        var countingA = new CountingProjection("shared");
        var countingB = new CountingProjection("shared");
        await new Migrations.EventStoreMigrator(nodeA, null, [countingA]).MigrateAsync();
        var options = new ProjectionDaemonOptions { PollInterval = TimeSpan.FromMilliseconds(10), BatchSize = 3 };
        var daemonA = new ProjectionDaemon(nodeA, [countingA], options);
        var daemonB = new ProjectionDaemon(nodeB, [countingB], options);

        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                var store = i % 2 == 0 ? nodeA : nodeB;
                await store.AppendAsync(Events.Append(Events.NewStream(), OrgRestructure.EventStore.Streams.AppendRequest.NoStream, "A", "B"));
            }
        });
        // Both run rounds concurrently, as two nodes would if both believed they led.
        await Task.WhenAll(writes, Task.Run(() => RoundsAsync(daemonA, writes)), Task.Run(() => RoundsAsync(daemonB, writes)));
        // The high-water mark is cluster-wide: a transaction held open by a test running in parallel
        // (in another database of the same server) holds it back, so wait for it rather than race it.
        var all = await nodeA.ReadAllAsync(0, 1000);
        for (var wait = 0; wait < 300 && all.Count < 60; wait++)
        {
            await Task.Delay(100);
            all = await nodeA.ReadAllAsync(0, 1000);
        }

        Assert.Equal(60, all.Count);
        while (await daemonA.GetCheckpointAsync(countingA.Name) < all[^1].GlobalPosition)
        {
            await daemonA.RunOnceAsync();
        }

        Assert.Equal(all.Select(e => (e.GlobalPosition, e.EventId)), await countingA.SeenAsync(nodeA));
    }

    private static async Task RoundsAsync(ProjectionDaemon daemon, Task until)
    {
        while (!until.IsCompleted)
        {
            await daemon.RunOnceAsync();
        }
    }
}
