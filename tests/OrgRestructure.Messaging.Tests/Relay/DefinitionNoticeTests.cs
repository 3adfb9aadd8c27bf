using System.Text.Json.Nodes;
using OrgRestructure.Contracts;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Messaging.Tests.Relay;

/// <summary>
/// Notices number and name their steps, and reach their audiences, as the case's definition says:
/// a merger, a 2025 unit and the formation alike; the decision notice carries its number and dates;
/// the province hears each committee formed with the district's progress; English reads English.
/// </summary>
public sealed class DefinitionNoticeTests
{
    private static readonly Participant Vietnamese = new("u1", "Nguyễn Văn A", null);
    private static readonly Participant English = new("u2", "Nguyen Van B", null, "en");

    /// <summary>Words of the Vietnamese templates that an English notice must not contain.</summary>
    private static readonly string[] VietnameseTemplateWords = ["Kính gửi", "Hồ sơ", "bước ", "Bước ", "Thông báo", "Nhiệm vụ", "Hạn:", "Quyết định số", "Đảng bộ:", "Ngày ", "Đơn vị:", "Đồng chí", "đã thành lập"];

    [Fact]
    public async Task a_merger_notice_names_its_step_from_the_definition()
    {
        var store = new InMemoryEventStore();
        var engine = new WorkflowEngine(store, SevenStepCase.Definitions.Value);
        await engine.StartCaseAsync("organization-merger", MergerInput(), new Actor("btc-huyen", "district-organization-board"));

        var task = Assert.Single((await MapAllAsync(store)).OfType<TaskAssigned>());
        var proposal = SevenStepCase.Definitions.Value.Get("organization-merger").Step(task.StepName!).Title;
        var vi = NotificationTemplates.Render(task, Vietnamese);
        var en = NotificationTemplates.Render(task, English);

        Assert.Contains($"Nhiệm vụ mới ở bước “{proposal.Vi}”: {proposal.Vi}", vi.Subject, StringComparison.Ordinal);
        Assert.Contains($"New task in step “{proposal.En}”: {proposal.En}", en.Subject, StringComparison.Ordinal);
        Assert.Contains("(Phước Sơn)", vi.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(task.StepName!, vi.Subject + vi.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_2025_unit_notice_numbers_its_steps_and_the_decision_notice_carries_number_and_dates()
    {
        var store = new InMemoryEventStore();
        var engine = new WorkflowEngine(store, SevenStepCase.Definitions.Value);
        var board = new Actor("btc-tinh", "province-organization-board");
        var standing = new Actor("btv-tinh", "province-standing-committee");
        var started = await engine.StartCaseAsync("commune-party-committee-formation-2025", CommuneUnitForms.UnitInput(), board);
        await CompleteAsync(engine, started.CaseId, "plan", CommuneUnitForms.Plan(), board);
        await CompleteAsync(engine, started.CaseId, "establishment", CommuneUnitForms.Decision("2025-07-01"), standing);
        await CompleteAsync(engine, started.CaseId, "close-old-committees", CommuneUnitForms.Closure(), board);
        await CompleteAsync(engine, started.CaseId, "announcement", new JsonObject { ["ceremonyDate"] = "2025-07-02", ["attendees"] = 150, ["decisions"] = new JsonArray("120-QĐ/TU") }, board);

        var mapped = await MapAllAsync(store);
        var plan = NotificationTemplates.Render(mapped.OfType<TaskAssigned>().First(), Vietnamese);
        Assert.Contains("Nhiệm vụ mới ở bước 1: Đề án kết thúc hoạt động các đảng bộ cũ và thành lập đảng bộ mới", plan.Subject, StringComparison.Ordinal);
        Assert.Contains("(Xã số 001 (Lai Châu))", plan.Body, StringComparison.Ordinal);
        var decision = Assert.Single(mapped.OfType<NotificationRequested>(), n => n.Kind == "decision-announced");
        Assert.Equal(4, decision.Step);
        var vi = NotificationTemplates.Render(decision, Vietnamese);
        var en = NotificationTemplates.Render(decision, English);
        Assert.Contains("Thông báo bước 4: Công bố các quyết định", vi.Subject, StringComparison.Ordinal);
        Assert.Contains("Quyết định số 120-QĐ/TU", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Ngày quyết định: 01/07/2025", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Ngày công bố: 02/07/2025", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Đơn vị: Xã số 001 (Lai Châu)", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Notice for step 4: Announcing the decisions", en.Subject, StringComparison.Ordinal);
        Assert.Contains("Decision 120-QĐ/TU", en.Body, StringComparison.Ordinal);
        Assert.Contains("Announced on: 02/07/2025", en.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_formation_decision_notice_carries_its_number_and_the_ceremony_date()
    {
        var decision = Assert.Single((await FormedCommitteeAsync()).OfType<NotificationRequested>(), n => n.Kind == "decision-announced");
        var vi = NotificationTemplates.Render(decision, Vietnamese);

        Assert.Contains("Quyết định số 125-QĐ/HU", vi.Body, StringComparison.Ordinal);
        Assert.Contains($"Ngày công bố: {DateOnly.Parse(Workflows.Tests.Support.FormData.CeremonyDate, System.Globalization.CultureInfo.InvariantCulture):dd/MM/yyyy}", vi.Body, StringComparison.Ordinal);
        Assert.Contains("bước 6: Công bố quyết định", vi.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_province_board_hears_each_committee_formed_with_the_districts_progress()
    {
        var progress = Assert.Single((await FormedCommitteeAsync()).OfType<NotificationRequested>(), n => n.Kind == "progress");
        Assert.Equal(["province-organization-board"], progress.RecipientGroups);
        var vi = NotificationTemplates.Render(progress, Vietnamese);
        var en = NotificationTemplates.Render(progress, English);

        Assert.Contains("] Duy Xuyên: 1/1 đảng bộ đã thành lập (vừa thành lập: Đảng bộ Khối Chính quyền huyện Duy Xuyên)", vi.Subject, StringComparison.Ordinal);
        Assert.Contains("Duy Xuyên: 1 of 1 committees formed", en.Subject, StringComparison.Ordinal);
        Assert.Contains("Duy Xuyên: 1 of 1 committees formed", en.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task every_notice_kind_reads_english_to_who_chose_english()
    {
        var notified = (await FormedCommitteeAsync()).Where(e => e is StepStarted or TaskAssigned or NotificationRequested).ToList();

        Assert.Contains(notified, e => e is StepStarted);
        Assert.Contains(notified, e => e is TaskAssigned);
        Assert.Contains(notified, e => e is NotificationRequested);
        foreach (var e in notified)
        {
            var en = NotificationTemplates.Render(e, English);
            foreach (var word in VietnameseTemplateWords)
            {
                Assert.False(en.Subject.Contains(word, StringComparison.Ordinal) || en.Body.Contains(word, StringComparison.Ordinal), $"{e.GetType().Name} {e.StepName}: '{word}' in\n{en.Subject}\n{en.Body}");
            }
        }
    }

    [Fact]
    public async Task the_bloc_vote_and_the_decision_reach_the_audiences_their_definition_names()
    {
        var started = (await FormedCommitteeAsync()).OfType<StepStarted>().Where(s => s.RecipientGroups is { Count: > 0 }).ToList();

        Assert.Equal([("bloc-vote", SevenStepCase.BlocCellLeaders), ("decision", SevenStepCase.Appointees)], started.Select(s => (s.StepName!, Assert.Single(s.RecipientGroups!))));
        Assert.Contains("Đồng chí được mời dự hội nghị cấp ủy các chi bộ trong khối", NotificationTemplates.Render(started[0], Vietnamese).Body, StringComparison.Ordinal);
    }

    /// <summary>The integration events of a formation case run through its seven steps (one committee, formed).</summary>
    private static async Task<List<ICaseIntegrationEvent>> FormedCommitteeAsync()
    {
        var store = new InMemoryEventStore();
        await new SevenStepCase(store, new InMemoryParticipantDirectory()).RunToEndAsync();
        return await MapAllAsync(store);
    }

    private static Task<List<ICaseIntegrationEvent>> MapAllAsync(InMemoryEventStore store) => RelayMapping.MapAllAsync(store);

    private static async Task CompleteAsync(WorkflowEngine engine, string caseId, string stepId, JsonObject data, Actor actor)
    {
        var task = (await engine.GetCaseAsync(caseId)).OpenTasks.Single(t => t.StepId == stepId);
        await engine.CompleteTaskAsync(caseId, task.Id, data, actor);
    }

    private static JsonObject MergerInput() => new()
    {
        ["province"] = "Quảng Nam",
        ["district"] = "Phước Sơn",
        ["receivingOrganization"] = "Đảng bộ Khối Chính quyền Phước Sơn",
        ["organizations"] = new JsonArray(new JsonObject { ["id"] = "ps-1", ["name"] = "Chi bộ Phòng Y tế", ["members"] = 4, ["action"] = "dissolve" }),
    };
}
