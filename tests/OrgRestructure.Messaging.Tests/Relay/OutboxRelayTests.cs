using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Events;

namespace OrgRestructure.Messaging.Tests.Relay;

public sealed class OutboxRelayTests
{
    [Fact]
    public async Task the_relay_stops_at_an_event_it_cannot_read_and_reports_it_instead_of_skipping_it()
    {
        using var temp = new TempDirectory();
        var store = await temp.SqliteStoreAsync();
        var stream = new EngineStream(store);
        var good = await stream.AppendAsync(stream.Started(), EngineStream.SlateTask());
        var bad = await stream.AppendUnreadableTaskAsync();
        await stream.AppendAsync(new TaskReassigned("task-001", null, "nguyen.van.an", null, "bt-huyen", "Nghỉ phép", EngineStream.At));

        await using var node = await MessagingNode.StartAsync(store, null, new InMemoryParticipantDirectory(), o => o.SqlitePath = store.Path);

        await Eventually.UntilAsync(() => Task.FromResult(node.Relay.LastError?.Contains(bad.EventId.ToString(), StringComparison.Ordinal) == true), () => $"the relay reporting {bad.EventId} ({node.Describe()})");
        Assert.Equal((good[^1].GlobalPosition, 2L), (node.Relay.Position, node.Relay.Published));
    }
}
