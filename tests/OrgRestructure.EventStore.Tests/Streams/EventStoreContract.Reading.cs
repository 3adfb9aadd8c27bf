using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Streams;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task a_stream_reads_up_to_a_version_or_as_of_a_point_in_time()
    {
        var clock = new ManualClock(new DateTimeOffset(2014, 10, 1, 8, 0, 0, 123, TimeSpan.Zero).AddTicks(4567));
        var store = await CreateStoreAsync(new EventStoreOptions { Clock = clock });
        var stream = Events.NewStream();
        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched"));
        clock.Advance(TimeSpan.FromHours(1));
        await store.AppendAsync(Events.Append(stream, 1, "ConferenceHeld", "VoteRecorded"));
        clock.Advance(TimeSpan.FromHours(1));
        await store.AppendAsync(Events.Append(stream, 3, "DecisionIssued"));

        var toVersion2 = await store.ReadStreamAsync(stream, new StreamRange(ToVersion: 2));
        var fromVersion3 = await store.ReadStreamAsync(stream, new StreamRange(FromVersion: 3));
        var events = await store.ReadStreamAsync(stream);
        var atSecondAppend = await store.ReadStreamAsync(stream, new StreamRange(AtOrBefore: events[1].Timestamp));
        var justBefore = await store.ReadStreamAsync(stream, new StreamRange(AtOrBefore: events[1].Timestamp.AddMilliseconds(-1)));

        Assert.Equal(["CaseLaunched", "ConferenceHeld"], toVersion2.Select(e => e.Type));
        Assert.Equal(["VoteRecorded", "DecisionIssued"], fromVersion3.Select(e => e.Type));
        Assert.Equal(["CaseLaunched", "ConferenceHeld", "VoteRecorded"], atSecondAppend.Select(e => e.Type));
        Assert.Equal(["CaseLaunched"], justBefore.Select(e => e.Type));
        Assert.Equal(new DateTimeOffset(2014, 10, 1, 9, 0, 0, 123, TimeSpan.Zero), events[1].Timestamp);
    }

    [Fact]
    public async Task read_all_returns_every_stream_in_global_order_after_a_position()
    {
        var store = await CreateStoreAsync();
        var a = Events.NewStream("a");
        var b = Events.NewStream("b");
        await store.AppendAsync(Events.Append(a, AppendRequest.NoStream, "A1"));
        await store.AppendAsync(Events.Append(b, AppendRequest.NoStream, "B1", "B2"));
        await store.AppendAsync(Events.Append(a, 1, "A2"));

        var all = await store.ReadAllAsync(0, 100);
        var afterSecond = await store.ReadAllAsync(all[1].GlobalPosition, 2);

        Assert.Equal(["A1", "B1", "B2", "A2"], all.Select(e => e.Type));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.GlobalPosition < p.Second.GlobalPosition));
        Assert.Equal(["B2", "A2"], afterSecond.Select(e => e.Type));
        Assert.Equal([a, b], await store.ListStreamsAsync());
    }

    [Fact]
    public async Task a_scan_returns_what_paged_reads_return_in_the_same_order_after_a_position()
    {
        var store = await CreateStoreAsync();
        var a = Events.NewStream("a");
        await store.AppendAsync(Events.Append(a, AppendRequest.NoStream, "A1", "A2"));
        await store.AppendAsync(Events.Append(Events.NewStream("b"), AppendRequest.NoStream, "B1"));
        await store.AppendAsync(Events.Append(a, 2, "A3"));

        var scanned = await store.ScanAllAsync(0).ToListAsync();
        var afterSecond = await store.ScanAllAsync(scanned[1].GlobalPosition).ToListAsync();

        Assert.Equal(["A1", "A2", "B1", "A3"], scanned.Select(e => e.Type));
        Assert.Equal(await ReadEverythingAsync(store), scanned);
        Assert.Equal(scanned.Skip(2), afterSecond);
        Assert.Empty(await store.ScanAllAsync(scanned[^1].GlobalPosition).ToListAsync());
    }

    [Fact]
    public async Task a_scan_returns_the_events_committed_when_it_started_and_not_those_appended_while_it_runs()
    {
        var store = await CreateStoreAsync();
        var stream = Events.NewStream();
        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "E1", "E2", "E3"));

        var scanned = new List<StoredEvent>();
        await foreach (var e in store.ScanAllAsync(0))
        {
            if (scanned.Count == 0)
            {
                await store.AppendAsync(Events.Append(stream, AppendRequest.Any, "WhileScanning"));
            }

            scanned.Add(e);
        }

        Assert.Equal(["E1", "E2", "E3"], scanned.Select(e => e.Type));
        Assert.Equal(4, (await store.ScanAllAsync(0).ToListAsync()).Count);
    }

    [Fact]
    public async Task metadata_is_stored_with_every_event_of_an_append()
    {
        var store = await CreateStoreAsync();
        var stream = Events.NewStream();
        var causation = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        var request = new AppendRequest(
            stream,
            AppendRequest.NoStream,
            [new NewEvent("CandidateVetted", """{"candidate":"Nguyễn Văn A","approved":true}""", eventId), new NewEvent("StepCompleted", "{}")],
            new EventMetadata("ubkt.tamky", "inspection-committee", Guid.NewGuid(), causation),
            "cmd-42");

        await store.AppendAsync(request);
        var events = await store.ReadStreamAsync(stream);

        Assert.Equal(eventId, events[0].EventId);
        Assert.All(events, e => Assert.Equal(
            ("ubkt.tamky", "inspection-committee", request.Metadata.CorrelationId, (Guid?)causation, "cmd-42"),
            (e.Actor, e.ActorRole, e.CorrelationId, e.CausationId, e.CommandId)));
        Assert.Equal("""{"candidate":"Nguyễn Văn A","approved":true}""", events[0].Data);
    }

    [Fact]
    public async Task an_append_with_data_that_is_not_json_is_refused_and_appends_nothing()
    {
        var store = await CreateStoreAsync();
        var stream = Events.NewStream();
        var request = new AppendRequest(stream, AppendRequest.NoStream, [new NewEvent("Good", "{}"), new NewEvent("Bad", "{not json")], Events.Metadata);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(request));

        Assert.Contains("JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.GetStreamVersionAsync(stream));
    }
}
