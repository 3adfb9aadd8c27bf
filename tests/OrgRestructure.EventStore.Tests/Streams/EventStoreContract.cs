using OrgRestructure.EventStore.Hashing;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Support;
using OrgRestructure.EventStore.Verification;

namespace OrgRestructure.EventStore.Tests.Streams;

/// <summary>
/// What every back end must do, run once per back end (PostgreSQL, SQLite, in-memory): the
/// behaviour the engine and the API depend on must not change with the database.
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    private const int AppendsPerWriter = 100;
    private readonly List<object> _owned = [];

    /// <summary>A fresh, empty, migrated store.</summary>
    protected abstract Task<IEventStore> CreateStoreCoreAsync(EventStoreOptions options);

    protected async Task<IEventStore> CreateStoreAsync(EventStoreOptions? options = null)
    {
        var store = await CreateStoreCoreAsync(options ?? new EventStoreOptions());
        _owned.Add(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Disposed after the test.</summary>
    protected void OwnCore(object owned) => _owned.Add(owned);

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            if (owned is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task appended_events_read_back_with_contiguous_versions_and_a_hash_chain()
    {
        var store = await CreateStoreAsync();
        var stream = Events.NewStream();

        var first = await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched", "StepStarted"));
        var second = await store.AppendAsync(Events.Append(stream, 2, "TaskAssigned"));

        Assert.Equal((1, 2, false), (first.FromVersion, first.ToVersion, first.WasDuplicate));
        Assert.Equal((3, 3), (second.FromVersion, second.ToVersion));
        var events = await store.ReadStreamAsync(stream);
        Assert.Equal(["CaseLaunched", "StepStarted", "TaskAssigned"], events.Select(e => e.Type));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.StreamVersion));
        Assert.Equal(EventHasher.GenesisHash, events[0].PreviousHash);
        Assert.Equal(events[0].Hash, events[1].PreviousHash);
        Assert.All(events, e => Assert.True(EventHasher.Verify(e)));
        Assert.Equal(first.Events.Concat(second.Events), events);
        Assert.Equal("Tổ chức cơ sở đảng", System.Text.Json.JsonDocument.Parse(events[0].Data).RootElement.GetProperty("text").GetString());
        Assert.Equal(3, await store.GetStreamVersionAsync(stream));
        Assert.Equal(0, await store.GetStreamVersionAsync(Events.NewStream()));
    }

    [Fact]
    public async Task an_append_at_a_stale_expected_version_throws_a_concurrency_exception_and_appends_nothing()
    {
        var store = await CreateStoreAsync();
        var stream = Events.NewStream();
        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched", "StepStarted"));

        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => store.AppendAsync(Events.Append(stream, 1, "StepCompleted")));
        var exists = await Assert.ThrowsAsync<ConcurrencyException>(() => store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched")));

        Assert.Equal((stream, 1L, 2L), (stale.StreamId, stale.ExpectedVersion, stale.ActualVersion));
        Assert.Equal(2, exists.ActualVersion);
        Assert.Equal(2, (await store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task two_concurrent_appends_at_the_same_expected_version_let_exactly_one_win()
    {
        var store = await CreateStoreAsync();
        for (var round = 0; round < 10; round++)
        {
            var stream = Events.NewStream();
            await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched"));

            var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                try
                {
                    return (await store.AppendAsync(Events.Append(stream, 1, $"Decision{i}"))).Events[0].Type;
                }
                catch (ConcurrencyException)
                {
                    return null;
                }
            })));

            var winner = Assert.Single(attempts, a => a is not null);
            var events = await store.ReadStreamAsync(stream);
            Assert.Equal(["CaseLaunched", winner], events.Select(e => e.Type));
        }
    }

    [Fact]
    public async Task a_hundred_concurrent_writers_over_ten_streams_lose_and_duplicate_nothing()
    {
        var store = await CreateStoreAsync();
        var streams = Enumerable.Range(0, 10).Select(_ => Events.NewStream()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                var request = new AppendRequest(
                    streams[(writer + i) % streams.Length],
                    AppendRequest.Any,
                    [new NewEvent("Counted", $$"""{"writer":{{writer}},"i":{{i}}}""")],
                    Events.Metadata);
                await store.AppendAsync(request);
            }
        })));

        var all = new List<StoredEvent>();
        foreach (var stream in streams)
        {
            var events = await store.ReadStreamAsync(stream);
            Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.StreamVersion));
            Assert.All(events.Skip(1).Zip(events), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
            all.AddRange(events);
        }

        Assert.Equal(100 * AppendsPerWriter, all.Count);
        Assert.Equal(100 * AppendsPerWriter, all.Select(e => e.Data).Distinct().Count());
        Assert.Equal(100 * AppendsPerWriter, all.Select(e => e.GlobalPosition).Distinct().Count());
        var global = await ReadEverythingAsync(store);
        Assert.Equal(all.Select(e => e.EventId).Order(), global.Select(e => e.EventId).Order());
        var verified = await new ChainVerifier(store).VerifyAllAsync();
        Assert.True(verified.IsValid, verified.FirstFailure?.Describe());
        Assert.Equal(100 * AppendsPerWriter, verified.EventsChecked);
    }

    [Fact]
    public async Task a_retried_command_id_is_answered_with_the_first_result_and_appends_one_set_of_events()
    {
        var store = await CreateStoreAsync();
        var stream = Events.NewStream();
        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched"));

        var first = await store.AppendAsync(Events.AppendCommand(stream, 1, "cmd-approve-1", "CandidateApproved", "StepCompleted"));
        var retriedAtSameVersion = await store.AppendAsync(Events.AppendCommand(stream, 1, "cmd-approve-1", "CandidateApproved", "StepCompleted"));
        var retriedWithAny = await store.AppendAsync(Events.AppendCommand(stream, AppendRequest.Any, "cmd-approve-1", "CandidateApproved", "StepCompleted"));

        Assert.False(first.WasDuplicate);
        Assert.True(retriedAtSameVersion.WasDuplicate);
        Assert.True(retriedWithAny.WasDuplicate);
        Assert.Equal(first.Events, retriedAtSameVersion.Events);
        Assert.Equal(first.Events, retriedWithAny.Events);
        Assert.Equal((2, 3), (retriedWithAny.FromVersion, retriedWithAny.ToVersion));
        Assert.Equal(3, (await store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task concurrent_retries_of_one_command_append_one_set_of_events()
    {
        var store = await CreateStoreAsync();
        var stream = Events.NewStream();
        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            store.AppendAsync(Events.AppendCommand(stream, AppendRequest.Any, "cmd-vote", "VoteRecorded")))));

        Assert.Single(results, r => !r.WasDuplicate);
        Assert.All(results, r => Assert.Equal(results[0].Events, r.Events));
        Assert.Equal(2, (await store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task the_same_command_id_on_another_stream_is_a_different_command()
    {
        var store = await CreateStoreAsync();
        var a = await store.AppendAsync(Events.AppendCommand(Events.NewStream(), AppendRequest.NoStream, "cmd-1", "CaseLaunched"));
        var b = await store.AppendAsync(Events.AppendCommand(Events.NewStream(), AppendRequest.NoStream, "cmd-1", "CaseLaunched"));

        Assert.False(a.WasDuplicate);
        Assert.False(b.WasDuplicate);
    }

    protected static async Task<List<StoredEvent>> ReadEverythingAsync(IEventStore store)
    {
        var all = new List<StoredEvent>();
        while (true)
        {
            var page = await store.ReadAllAsync(all.Count == 0 ? 0 : all[^1].GlobalPosition, 1000);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
        }
    }
}
