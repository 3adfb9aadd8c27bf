using System.Globalization;
using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Replay;

/// <summary>Where a replay stops: after a version, or at a point in time (inclusive).</summary>
public sealed record ReplayPoint(long? Version, DateTimeOffset? Time)
{
    public static readonly ReplayPoint End = new(null, null);

    public StreamRange ToRange() => new(1, Version, Time);

    /// <summary>Parses "--at": a whole number is a version, anything else an ISO-8601 time.</summary>
    public static bool TryParse(string? text, out ReplayPoint point)
    {
        point = End;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 0)
        {
            point = new ReplayPoint(version, null);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            point = new ReplayPoint(null, time);
            return true;
        }

        return false;
    }
}

public sealed record ReplayResult(string StreamId, IReadOnlyList<StoredEvent> Events, JsonNode? State, string FolderName);

/// <summary>Reads a stream up to a point and folds it: the auditor's time travel.</summary>
public static class StreamReplay
{
    public static async Task<ReplayResult> ReplayAsync(
        IEventStore store, StreamFolderRegistry folders, string streamId, ReplayPoint at, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(streamId, at.ToRange(), cancellationToken);
        var folder = folders.Resolve(streamId, events);
        return new ReplayResult(streamId, events, folder.Fold(streamId, events), folder.GetType().Name);
    }
}
