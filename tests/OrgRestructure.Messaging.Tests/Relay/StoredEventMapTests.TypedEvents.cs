using System.Text.Json.Nodes;
using OrgRestructure.Contracts;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.Messaging.Relay;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Workflows.Events;
using Engine = OrgRestructure.Workflows.Events;

namespace OrgRestructure.Messaging.Tests.Relay;

/// <summary>The relay reads each stored event as the engine's record and maps it by its type.</summary>
public sealed partial class StoredEventMapTests
{
    [Fact]
    public async Task relay_maps_task_created_from_the_typed_event()
    {
        var stream = new EngineStream(new InMemoryEventStore());
        await stream.AppendAsync(stream.Started(), EngineStream.SlateTask());

        var task = Assert.IsType<TaskAssigned>((await MapAsync(stream))[^1]);

        Assert.Equal(("task-001", "Lập danh sách nhân sự", "Draw up the slate"), (task.TaskId, task.TaskTitle, task.TaskTitleEn));
        Assert.Null(task.Assignee);
        Assert.Equal(["district-standing-committee", "district-organization-board"], task.CandidateGroups);
        Assert.Equal((SevenStepCase.Committee, EngineStream.At.AddDays(5)), (task.Scope, task.DueAt));
        Assert.Equal((1, "slate", "Duy Xuyên", stream.CaseId), (task.Step, task.StepName, task.District, task.CaseId));
        Assert.Equal(($"Đảng bộ: {EngineStream.Committee}", $"Committee: {EngineStream.Committee}"), (task.Note, task.NoteEn));
        Assert.Null(task.Returned);
    }

    [Fact]
    public async Task relay_publishes_reassignment_to_the_new_assignee()
    {
        var stream = new EngineStream(new InMemoryEventStore());
        await stream.AppendAsync(stream.Started(), EngineStream.SlateTask());
        await stream.AppendAsync(new TaskReassigned("task-001", null, "nguyen.van.an", "district-organization-board", "bt-huyen", "Nghỉ phép", EngineStream.At));

        var task = Assert.IsType<TaskAssigned>((await MapAsync(stream))[^1]);

        Assert.Equal(("task-001", "nguyen.van.an"), (task.TaskId, task.Assignee));
        Assert.Equal(["district-organization-board"], task.CandidateGroups);
        Assert.Equal(("Lập danh sách nhân sự", "Draw up the slate", SevenStepCase.Committee), (task.TaskTitle, task.TaskTitleEn, task.Scope));
        Assert.Equal((1, "slate"), (task.Step, task.StepName));
    }

    [Fact]
    public async Task a_relay_restarted_after_the_task_was_created_still_names_the_reassigned_tasks_step_title_and_scope()
    {
        var store = new InMemoryEventStore();
        var stream = new EngineStream(store);
        await stream.AppendAsync(stream.Started(), EngineStream.SlateTask());
        var reassigned = await stream.AppendAsync(new TaskReassigned("task-001", null, "nguyen.van.an", null, "bt-huyen", "Nghỉ phép", EngineStream.At));

        var fresh = new CaseFactsCache(store, SevenStepCase.Definitions.Value);
        var task = Assert.IsType<TaskAssigned>(StoredEventMap.Map(await fresh.ViewAsync(reassigned[0], CancellationToken.None)));

        Assert.Equal((1, "slate", "Lập danh sách nhân sự", SevenStepCase.Committee), (task.Step, task.StepName, task.TaskTitle, task.Scope));
        Assert.Empty(task.CandidateGroups);
    }

    [Fact]
    public async Task a_returned_task_says_who_sent_it_back_and_why_from_its_context()
    {
        var stream = new EngineStream(new InMemoryEventStore());
        var context = new JsonObject
        {
            ["item.name"] = EngineStream.Committee,
            ["returned"] = new JsonObject
            {
                ["fromStep"] = "vetting",
                ["by"] = "ubkt-huyen",
                ["reason"] = "Chưa đủ thời gian công tác",
                ["explanation"] = new JsonObject { ["vi"] = "Trả về từ “Thẩm định” bởi ubkt-huyen: Chưa đủ thời gian công tác", ["en"] = "Returned from “Vetting” by ubkt-huyen: Chưa đủ thời gian công tác" },
            },
        };
        await stream.AppendAsync(stream.Started(), EngineStream.SlateTask(context));

        var task = Assert.IsType<TaskAssigned>((await MapAsync(stream))[^1]);

        var returned = Assert.IsType<StepReturnNotice>(task.Returned);
        Assert.Equal(("ubkt-huyen", "Chưa đủ thời gian công tác"), (returned.By, returned.Reason));
        Assert.Equal("Returned from “Vetting” by ubkt-huyen: Chưa đủ thời gian công tác", returned.ExplanationEn);
        Assert.Equal($"Đảng bộ: {EngineStream.Committee}\nTrả về từ “Thẩm định” bởi ubkt-huyen: Chưa đủ thời gian công tác", task.Note);
    }

    [Fact]
    public async Task every_event_the_current_engine_writes_round_trips_into_the_integration_event_it_stands_for()
    {
        var stream = new EngineStream(new InMemoryEventStore());
        var at = EngineStream.At;
        var due = at.AddDays(5);
        await stream.AppendAsync(
            stream.Started(),
            new BranchStarted("b-001", "main", "committees", 0, EngineStream.Committee, new JsonObject { ["id"] = SevenStepCase.Committee }, "size-check", at),
            new Engine.StepStarted("b-001", "slate", 1, at),
            EngineStream.SlateTask(),
            new TaskClaimed("task-001", "bt-huyen", at),
            new TaskReassigned("task-001", "bt-huyen", "nguyen.van.an", null, "bt-huyen", "Nghỉ phép", at),
            new Engine.DeadlineApproaching("task-001", due, at),
            new Engine.DeadlineMissed("task-001", due, "province-organization-board", at),
            new Engine.TaskCompleted("task-001", "nguyen.van.an", new JsonObject { ["candidates"] = new JsonArray("Nguyễn Văn An") }, at),
            new Engine.StepCompleted("b-001", "slate", "completed", null, "invite-members", at),
            new Engine.NotificationRequested("n-001", "b-001", "invite-members", "conference-invitation", ["party-member"], SevenStepCase.Committee, new("Giấy mời", "Invitation"), new JsonObject { ["item.name"] = EngineStream.Committee }, at),
            new GateEvaluated("b-001", "size-check", true, new("Đủ", "Enough"), at),
            new BranchCompleted("b-001", at),
            new Engine.CaseCompleted(at),
            new Engine.CaseCancelled("Nhập trùng", "bt-huyen", at));

        var mapped = await MapAsync(stream);

        Assert.Collection(
            mapped,
            e => Assert.Equal(("Thành lập đảng bộ huyện Duy Xuyên", "party-committee-formation", "bt-huyen"), Launch(Assert.IsType<CaseLaunched>(e))),
            e => Assert.Equal(("slate", "b-001"), (e.StepName, Assert.IsType<Contracts.StepStarted>(e).Scope)),
            e => Assert.Null(Assert.IsType<TaskAssigned>(e).Assignee),
            e => Assert.Equal("nguyen.van.an", Assert.IsType<TaskAssigned>(e).Assignee),
            e => Assert.Equal((due, "district-standing-committee"), Deadline(Assert.IsType<Contracts.DeadlineApproaching>(e))),
            e => Assert.Equal(["district-standing-committee", "province-organization-board"], Assert.IsType<Contracts.DeadlineMissed>(e).RecipientGroups),
            e => Assert.Equal(("nguyen.van.an", 1), (Assert.IsType<Contracts.TaskCompleted>(e).CompletedBy, e.Step)),
            e => Assert.Equal("completed", Assert.IsType<Contracts.StepCompleted>(e).Outcome),
            e => Assert.Equal(($"Giấy mời\nĐảng bộ: {EngineStream.Committee}", "party-member"), Notice(Assert.IsType<Contracts.NotificationRequested>(e))),
            e => Assert.Equal("progress", Assert.IsType<Contracts.NotificationRequested>(e).Kind),
            e => Assert.IsType<Contracts.CaseCompleted>(e),
            e => Assert.Equal("Nhập trùng", Assert.IsType<Contracts.CaseCancelled>(e).Reason));
        Assert.All(mapped, e => Assert.Equal(("Duy Xuyên", stream.CaseId), (e.District, e.CaseId)));
    }

    [Fact]
    public async Task events_the_engine_keeps_to_itself_are_not_published()
    {
        var stream = new EngineStream(new InMemoryEventStore());
        var stored = await stream.AppendAsync(stream.Started(), EngineStream.SlateTask(), new TaskClaimed("task-001", "bt-huyen", EngineStream.At), new GateEvaluated("b-001", "size-check", true, new("Đủ", "Enough"), EngineStream.At));

        Assert.Equal([true, true, false, false], stored.Select(e => StoredEventMap.Publishes(e.Type)));
        Assert.Equal(2, (await MapAsync(stream)).Count);
    }

    [Fact]
    public async Task a_2025_unit_case_is_named_by_its_unit_and_a_case_with_neither_district_nor_unit_by_its_province()
    {
        var unit = new EngineStream(new InMemoryEventStore(), "lc-001");
        await unit.AppendAsync(unit.Started(new JsonObject { ["province"] = "Lai Châu", ["unit"] = "lc-001", ["unitName"] = "Xã số 001 (Lai Châu)" }), EngineStream.SlateTask());
        var province = new EngineStream(new InMemoryEventStore(), "lc-plan");
        await province.AppendAsync(province.Started(new JsonObject { ["province"] = "Lai Châu" }));

        Assert.All(await MapAsync(unit), e => Assert.Equal("Xã số 001 (Lai Châu)", e.District));
        Assert.Equal("Lai Châu", Assert.Single(await MapAsync(province)).District);
    }

    [Fact]
    public async Task a_stored_event_that_cannot_be_read_as_its_engine_record_is_refused_naming_it()
    {
        var store = new InMemoryEventStore();
        var stream = new EngineStream(store);
        await stream.AppendAsync(stream.Started());
        var bad = await stream.AppendUnreadableTaskAsync();

        var facts = new CaseFactsCache(store, SevenStepCase.Definitions.Value);
        var refused = await Assert.ThrowsAsync<UnreadableStoredEventException>(() => facts.ViewAsync(bad, CancellationToken.None));

        Assert.Equal((bad.EventId, bad.GlobalPosition), (refused.EventId, refused.Position));
        Assert.Contains("task-created", refused.Message, StringComparison.Ordinal);
    }

    private static (string?, string?, string?) Launch(CaseLaunched e) => (e.Title, e.DefinitionId, e.LaunchedBy);

    private static (DateTimeOffset?, string) Deadline(Contracts.DeadlineApproaching e) => (e.DueAt, string.Join(", ", e.RecipientGroups));

    private static (string?, string) Notice(Contracts.NotificationRequested e) => (e.Message, string.Join(", ", e.RecipientGroups));

    private static Task<List<ICaseIntegrationEvent>> MapAsync(EngineStream stream) => RelayMapping.MapAllAsync(stream.Store);
}
