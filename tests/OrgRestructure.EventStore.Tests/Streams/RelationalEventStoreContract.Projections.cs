using OrgRestructure.EventStore.Migrations;
using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Streams;

public abstract partial class RelationalEventStoreContract
{
    [Fact]
    public async Task an_inline_projection_commits_with_the_append_and_its_failure_rolls_the_append_back()
    {
        var options = new EventStoreOptions();
        options.InlineProjections.Add(new StreamLengthProjection());
        options.InlineProjections.Add(new GateProjection());
        var store = await OpenMigratedAsync(await NewLocationAsync(), options);
        var stream = Events.NewStream();

        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched", "StepStarted"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(Events.Append(stream, 2, "StepCompleted", "Doomed")));
        await store.AppendAsync(Events.Append(stream, 2, "StepCompleted"));

        Assert.Equal(3, await store.GetStreamVersionAsync(stream));
        Assert.Equal(3, await StreamLengthProjection.ReadAsync(store, stream));
        Assert.DoesNotContain(await store.ReadStreamAsync(stream), e => e.Type == "Doomed");
    }

    [Fact]
    public async Task rebuilding_a_projection_clears_it_and_replays_every_event_once()
    {
        var counting = new CountingProjection("rebuilt");
        var store = await OpenMigratedAsync(await NewLocationAsync(), new EventStoreOptions(), counting);
        var daemon = new ProjectionDaemon(store, [counting], new ProjectionDaemonOptions { BatchSize = 10 });
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync(Events.Append(Events.NewStream(), AppendRequest.NoStream, "A", "B", "C", "D", "E"));
        }

        Assert.Equal(25, await daemon.RunOnceAsync());
        Assert.Equal(0, await daemon.RunOnceAsync());
        var rebuilt = await daemon.RebuildAsync("rebuilt");

        var seen = await counting.SeenAsync(store);
        var all = await store.ReadAllAsync(0, 100);
        Assert.Equal(25, rebuilt);
        Assert.Equal(all.Select(e => (e.GlobalPosition, e.EventId)), seen);
        Assert.Equal(all[^1].GlobalPosition, await daemon.GetCheckpointAsync("rebuilt"));
        await Assert.ThrowsAsync<ArgumentException>(() => daemon.RebuildAsync("no-such-projection"));
    }

    [Fact]
    public async Task a_daemon_creates_its_projections_tables_when_the_migrator_was_not_told_about_them()
    {
        var store = await CreateRelationalAsync();
        var counting = new CountingProjection("late");
        await store.AppendAsync(Events.Append(Events.NewStream(), AppendRequest.NoStream, "A", "B"));

        var applied = await new ProjectionDaemon(store, [counting]).RunOnceAsync();

        Assert.Equal(2, applied);
        Assert.Equal(2, (await counting.SeenAsync(store)).Count);
    }

    [Fact]
    public async Task migrations_are_numbered_recorded_and_applied_once_even_when_run_concurrently()
    {
        var location = await NewLocationAsync();
        var store = Open(location, new EventStoreOptions());
        Own(store);
        var migrator = new EventStoreMigrator(store);

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => migrator.MigrateAsync())));
        var again = await store.MigrateAsync();

        Assert.Equal([1, 2], runs.SelectMany(r => r).Select(m => m.Version).Order());
        Assert.Empty(again);
        Assert.Equal([1, 2], await migrator.GetAppliedVersionsAsync());
        Assert.Equal(migrator.Known.Select(m => m.Version), await migrator.GetAppliedVersionsAsync());
    }

    /// <summary>Keeps each stream's length in its own table, in the append's transaction.</summary>
    private sealed class StreamLengthProjection : IInlineProjection
    {
        public async Task InitializeAsync(WriteScope scope, CancellationToken cancellationToken)
        {
            await using var command = scope.CreateCommand("CREATE TABLE IF NOT EXISTS stream_lengths (stream_id text PRIMARY KEY, length bigint NOT NULL)");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public async Task ApplyAsync(WriteScope scope, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
        {
            await using var command = scope.CreateCommand(
                "INSERT INTO stream_lengths (stream_id, length) VALUES (@s, @n) ON CONFLICT (stream_id) DO UPDATE SET length = stream_lengths.length + @n");
            await command.With("s", events[0].StreamId).With("n", (long)events.Count).ExecuteNonQueryAsync(cancellationToken);
        }

        public static async Task<long> ReadAsync(IRelationalEventStore store, string streamId)
        {
            await using var connection = await store.OpenConnectionAsync();
            await using var command = connection.CreateCommand("SELECT length FROM stream_lengths WHERE stream_id = @s");
            return Convert.ToInt64(await command.With("s", streamId).ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
