using System.Text.Json.Nodes;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.EventStore.Replay;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Replay;

public sealed class StreamReplayTests
{
    [Fact]
    public async Task a_registered_folder_folds_the_streams_it_claims_and_the_generic_fold_takes_the_rest()
    {
        var store = new InMemoryEventStore();
        await store.AppendAsync(Events.Append("case-1", AppendRequest.NoStream, "CaseLaunched", "StepStarted", "StepStarted"));
        await store.AppendAsync(Events.Append("other-1", AppendRequest.NoStream, "Noted"));
        var folders = new StreamFolderRegistry([new StepCounter()]);

        var caseReplay = await StreamReplay.ReplayAsync(store, folders, "case-1", new ReplayPoint(2, null));
        var otherReplay = await StreamReplay.ReplayAsync(store, folders, "other-1", ReplayPoint.End);

        Assert.Equal(1, caseReplay.State!["stepsStarted"]!.GetValue<int>());
        Assert.Equal(nameof(StepCounter), caseReplay.FolderName);
        Assert.Equal(nameof(GenericStreamFolder), otherReplay.FolderName);
        Assert.Equal("Noted", otherReplay.State!["eventTypes"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("7", 7L, false)]
    [InlineData("2014-10-01T09:00:00Z", null, true)]
    [InlineData("2014-10-01T16:00:00+07:00", null, true)]
    public void a_replay_point_is_a_version_or_a_time(string text, long? version, bool isTime)
    {
        Assert.True(ReplayPoint.TryParse(text, out var point));
        Assert.Equal(version, point.Version);
        Assert.Equal(isTime, point.Time is not null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void anything_else_is_not_a_replay_point(string text) => Assert.False(ReplayPoint.TryParse(text, out _));

    [Fact]
    public void folders_are_discovered_in_assemblies_by_their_public_parameterless_constructor()
    {
        var registry = StreamFolderRegistry.Discover([typeof(StreamReplayTests).Assembly]);

        Assert.Contains(registry.Folders, f => f is PublicStepCounter);
    }

    private sealed class StepCounter : IStreamFolder
    {
        public bool CanFold(string streamId, IReadOnlyList<StoredEvent> events) => streamId.StartsWith("case-", StringComparison.Ordinal);

        public JsonNode? Fold(string streamId, IReadOnlyList<StoredEvent> events) =>
            new JsonObject { ["stepsStarted"] = events.Count(e => e.Type == "StepStarted") };
    }
}

/// <summary>Found by discovery (public, parameterless), as the engine's case fold will be.</summary>
public sealed class PublicStepCounter : IStreamFolder
{
    public bool CanFold(string streamId, IReadOnlyList<StoredEvent> events) => false;

    public JsonNode? Fold(string streamId, IReadOnlyList<StoredEvent> events) => null;
}
