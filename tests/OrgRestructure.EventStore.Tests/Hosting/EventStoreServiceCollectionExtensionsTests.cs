using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Migrations;
using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Replay;
using OrgRestructure.EventStore.Sqlite;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Support;
using OrgRestructure.EventStore.Verification;

namespace OrgRestructure.EventStore.Tests.Hosting;

public sealed class EventStoreServiceCollectionExtensionsTests
{
    [Fact]
    public async Task a_host_with_add_event_store_migrates_at_start_and_runs_async_projections()
    {
        var path = TestDatabases.NewSqlitePath();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAsyncProjection<HostCounting>();
        builder.Services.AddEventStore(null, path, configureDaemon: d => d.PollInterval = TimeSpan.FromMilliseconds(20));
        using var host = builder.Build();

        await host.StartAsync();
        var store = host.Services.GetRequiredService<IEventStore>();
        var appended = await store.AppendAsync(Events.Append(Events.NewStream(), AppendRequest.NoStream, "CaseLaunched", "StepStarted"));
        var daemon = host.Services.GetRequiredService<ProjectionDaemon>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await daemon.GetCheckpointAsync("host-counting") < appended.Events[^1].GlobalPosition && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await host.StopAsync();

        Assert.IsType<SqliteEventStore>(store);
        Assert.Same(store, host.Services.GetRequiredService<IRelationalEventStore>());
        Assert.Equal([1, 2], await host.Services.GetRequiredService<EventStoreMigrator>().GetAppliedVersionsAsync());
        Assert.True(daemon.IsLeader);
        Assert.Equal(appended.Events[^1].GlobalPosition, await daemon.GetCheckpointAsync("host-counting"));
        Assert.True((await host.Services.GetRequiredService<IStoreVerifier>().VerifyAllAsync()).IsValid);
        Assert.Empty(host.Services.GetRequiredService<StreamFolderRegistry>().Folders);
    }

    [Fact]
    public async Task the_factory_picks_postgres_when_a_connection_string_is_given_and_sqlite_otherwise()
    {
        var postgres = EventStoreFactory.Create(await TestDatabases.CreatePostgresAsync(), "unused.db");
        var sqlite = EventStoreFactory.Create("  ", TestDatabases.NewSqlitePath());

        Assert.Equal(EventStoreBackend.Postgres, Assert.IsType<PostgresEventStore>(postgres).Backend);
        Assert.Equal(EventStoreBackend.Sqlite, Assert.IsType<SqliteEventStore>(sqlite).Backend);
        await ((PostgresEventStore)postgres).DisposeAsync();
    }

    private sealed class HostCounting() : CountingProjectionBase("host-counting");
}
