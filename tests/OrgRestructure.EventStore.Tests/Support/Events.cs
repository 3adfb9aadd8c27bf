using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Tests.Support;

internal static class Events
{
    public static readonly EventMetadata Metadata = new("tester", "organization-board", Guid.NewGuid());

    public static AppendRequest Append(string streamId, long expectedVersion, params string[] types) =>
        new(streamId, expectedVersion, types.Select((t, i) => new NewEvent(t, $$"""{"type":"{{t}}","n":{{i}},"text":"Tổ chức cơ sở đảng"}""")).ToList(), Metadata);

    public static AppendRequest AppendCommand(string streamId, long expectedVersion, string commandId, params string[] types) =>
        Append(streamId, expectedVersion, types) with { CommandId = commandId };

    public static string NewStream(string prefix = "case") => $"{prefix}-{Guid.NewGuid():N}";
}
