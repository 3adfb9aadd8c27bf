using OrgRestructure.EventStore.Migrations;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Support;
using OrgRestructure.EventStore.Verification;

namespace OrgRestructure.EventStore.Tests.Streams;

/// <summary>The contract parts that need a database: projections, the daemon, tampering, migrations.</summary>
public abstract partial class RelationalEventStoreContract : EventStoreContract
{
    protected abstract IRelationalEventStore Open(string location, EventStoreOptions options);

    protected abstract Task<string> NewLocationAsync();

    protected override async Task<IEventStore> CreateStoreCoreAsync(EventStoreOptions options)
    {
        var store = Open(await NewLocationAsync(), options);
        await store.MigrateAsync();
        return store;
    }

    protected async Task<IRelationalEventStore> CreateRelationalAsync(EventStoreOptions? options = null) =>
        (IRelationalEventStore)await CreateStoreAsync(options);

    protected async Task<IRelationalEventStore> OpenMigratedAsync(string location, EventStoreOptions options, params IAsyncProjection[] projections)
    {
        var store = Open(location, options);
        Own(store);
        await new EventStoreMigrator(store, options.InlineProjections, projections).MigrateAsync();
        return store;
    }

    [Fact]
    public async Task the_daemon_delivers_every_committed_event_once_while_a_lower_position_stays_open_and_another_rolls_back()
    {
        var gate = new GateProjection();
        var options = new EventStoreOptions();
        options.InlineProjections.Add(gate);
        var counting = new CountingProjection();
        var store = await OpenMigratedAsync(await NewLocationAsync(), options, counting);
        var daemon = new ProjectionDaemon(store, [counting], new ProjectionDaemonOptions { PollInterval = TimeSpan.FromMilliseconds(20), BatchSize = 7 });
        var before = Events.NewStream("before");
        var after = Events.NewStream("after");
        await store.AppendAsync(Events.Append(before, AppendRequest.NoStream, "E1", "E2", "E3"));
        await daemon.StartAsync(CancellationToken.None);

        var held = store.AppendAsync(Events.Append(Events.NewStream("held"), AppendRequest.NoStream, "Held"));
        var heldEvent = await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var doomed = store.AppendAsync(Events.Append(Events.NewStream("doomed"), AppendRequest.NoStream, "Doomed", "Doomed"));
        var later = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await store.AppendAsync(Events.Append(after, AppendRequest.Any, $"Later{i}"));
            }
        });
        if (store.Backend == EventStoreBackend.Postgres)
        {
            // PostgreSQL commits higher positions (and the rollback) while the held one stays open.
            await later;
            await Assert.ThrowsAsync<InvalidOperationException>(() => doomed);
            Assert.Equal(20, await store.GetStreamVersionAsync(after));
        }

        for (var sample = 0; sample < 15; sample++)
        {
            Assert.True(await daemon.GetCheckpointAsync(counting.Name) < heldEvent.GlobalPosition);
            await Task.Delay(100);
        }

        gate.Release();
        await held;
        await Assert.ThrowsAsync<InvalidOperationException>(() => doomed);
        await later;
        var committed = new List<StoredEvent>();
        foreach (var stream in await store.ListStreamsAsync())
        {
            committed.AddRange(await store.ReadStreamAsync(stream));
        }

        var last = committed.Max(e => e.GlobalPosition);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await daemon.GetCheckpointAsync(counting.Name) < last && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await daemon.StopAsync(CancellationToken.None);
        var seen = await counting.SeenAsync(store);
        Assert.Equal(24, committed.Count);
        Assert.Equal(committed.Select(e => (e.GlobalPosition, e.EventId)).Order(), seen);
        Assert.DoesNotContain(committed, e => e.Type == "Doomed");
    }

    [Fact]
    public async Task a_scan_stops_below_an_append_that_has_not_committed_yet()
    {
        var gate = new GateProjection();
        var options = new EventStoreOptions();
        options.InlineProjections.Add(gate);
        var store = await CreateRelationalAsync(options);
        await store.AppendAsync(Events.Append(Events.NewStream("before"), AppendRequest.NoStream, "E1", "E2"));
        var held = store.AppendAsync(Events.Append(Events.NewStream("held"), AppendRequest.NoStream, "Held"));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var postgres = store.Backend == EventStoreBackend.Postgres;
        if (postgres)
        {
            // PostgreSQL commits a higher position while the held one stays open.
            await store.AppendAsync(Events.Append(Events.NewStream("after"), AppendRequest.NoStream, "Later"));
        }

        var whileHeld = await store.ScanAllAsync(0).ToListAsync();
        gate.Release();
        await held;
        var afterCommit = await store.ScanAllAsync(0).ToListAsync();

        Assert.Equal(["E1", "E2"], whileHeld.Select(e => e.Type));
        Assert.Equal(postgres ? ["E1", "E2", "Held", "Later"] : ["E1", "E2", "Held"], afterCommit.Select(e => e.Type));
    }

    [Fact]
    public async Task altering_one_stored_events_data_in_the_database_makes_verify_name_that_event()
    {
        var store = await CreateRelationalAsync();
        var intact = Events.NewStream("intact");
        var altered = Events.NewStream("altered");
        await store.AppendAsync(Events.Append(intact, AppendRequest.NoStream, "A", "B", "C"));
        var appended = await store.AppendAsync(Events.Append(altered, AppendRequest.NoStream, "A", "B", "C"));
        var verifier = new ChainVerifier(store);
        Assert.True((await verifier.VerifyAllAsync()).IsValid);

        await ExecuteAsync(store, "UPDATE events SET data = '{\"type\":\"B\",\"n\":1,\"text\":\"đã sửa\"}' WHERE stream_id = @s AND version = 2", altered);
        var report = await verifier.VerifyAllAsync();

        var failure = Assert.Single(report.Failures);
        Assert.Equal((altered, 2L, appended.Events[1].EventId, VerificationProblem.HashMismatch), (failure.StreamId, failure.StreamVersion, failure.EventId, failure.Problem));
        Assert.Equal((2, 5L), (report.StreamsChecked, report.EventsChecked));
        Assert.True((await verifier.VerifyStreamAsync(intact)).IsValid);
        Assert.Contains(appended.Events[1].EventId.ToString(), failure.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task rewriting_an_event_with_a_fresh_hash_breaks_the_link_of_the_event_after_it()
    {
        var store = await CreateRelationalAsync();
        var stream = Events.NewStream();
        var appended = await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "A", "B", "C"));
        var forged = appended.Events[1] with { Data = """{"forged":true}""" };
        forged = forged with { Hash = Hashing.EventHasher.Compute(forged) };

        await ExecuteAsync(store, $"UPDATE events SET data = '{forged.Data}', hash = '{forged.Hash}' WHERE stream_id = @s AND version = 2", stream);
        var report = await new ChainVerifier(store).VerifyStreamAsync(stream);

        Assert.Equal((3L, VerificationProblem.BrokenLink), (report.FirstFailure!.StreamVersion, report.FirstFailure.Problem));
        Assert.Equal(appended.Events[2].EventId, report.FirstFailure.EventId);
    }

    [Fact]
    public async Task deleting_an_event_makes_verify_name_the_event_after_the_hole()
    {
        var store = await CreateRelationalAsync();
        var stream = Events.NewStream();
        var appended = await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "A", "B", "C"));

        await ExecuteAsync(store, "DELETE FROM events WHERE stream_id = @s AND version = 2", stream);
        var report = await new ChainVerifier(store).VerifyStreamAsync(stream);

        Assert.Equal((appended.Events[2].EventId, VerificationProblem.VersionGap), (report.FirstFailure!.EventId, report.FirstFailure.Problem));
    }

    protected void Own(object owned) => OwnCore(owned);

    protected static async Task ExecuteAsync(IRelationalEventStore store, string sql, string streamId)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.CreateCommand(sql);
        Assert.Equal(1, await command.With("s", streamId).ExecuteNonQueryAsync());
    }
}
