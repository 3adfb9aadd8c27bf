using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>
/// A case stream written from the engine's own event records, serialized as the engine writes
/// them: what the relay reads is what the current engine stores, never hand-written JSON.
/// </summary>
internal sealed class EngineStream(IEventStore store, string caseId = "dx-2026-001")
{
    public const string Committee = "Đảng bộ Khối Chính quyền huyện Duy Xuyên";

    public static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    public IEventStore Store => store;

    public string CaseId => caseId;

    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(params ICaseEvent[] events)
    {
        var written = events.Select(e => new NewEvent(EventTypeRegistry.NameOf(e), EventTypeRegistry.Serialize(e))).ToList();
        var result = await store.AppendAsync(new AppendRequest(caseId, AppendRequest.Any, written, Metadata()));
        return result.Events;
    }

    /// <summary>A "task-created" the engine cannot read back (its task id is a number): a damaged payload.</summary>
    public async Task<StoredEvent> AppendUnreadableTaskAsync()
    {
        var result = await store.AppendAsync(new AppendRequest(caseId, AppendRequest.Any, [new NewEvent(EventTypeRegistry.NameOf(typeof(TaskCreated)), """{"taskId":42,"title":"Lập danh sách"}""")], Metadata()));
        return result.Events[0];
    }

    /// <summary>A formation case for Duy Xuyên on the definition version the tests load.</summary>
    public CaseStarted Started(JsonObject? input = null)
    {
        var definition = SevenStepCase.Definitions.Value.Get("party-committee-formation");
        return new CaseStarted(caseId, definition.Id, definition.Version, "hash", new LocalizedText("Thành lập đảng bộ huyện Duy Xuyên", "Forming the Duy Xuyên committees"), input ?? new JsonObject { ["province"] = "Quảng Nam", ["district"] = "Duy Xuyên" }, [], "committees", "bt-huyen", At);
    }

    /// <summary>The slate task of the committee's branch, as the engine creates it.</summary>
    private static EventMetadata Metadata() => new("bt-huyen", "district-standing-committee", Guid.NewGuid());

    public static TaskCreated SlateTask(JsonObject? context = null) => new(
        "task-001",
        "b-001",
        "slate",
        "HumanTask",
        new LocalizedText("Lập danh sách nhân sự", "Draw up the slate"),
        "district-standing-committee",
        ["district-organization-board", "district-standing-committee"],
        SevenStepCase.Committee,
        At.AddDays(5),
        At.AddDays(3),
        null,
        [],
        context ?? new JsonObject { ["item.name"] = Committee },
        At);
}
