using OrgRestructure.Contracts;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Relay;
using OrgRestructure.Messaging.Tests.Support;

namespace OrgRestructure.Messaging.Tests.Relay;

public sealed partial class StoredEventMapTests
{
    [Fact]
    public async Task engine_events_map_to_integration_events_carrying_case_district_step_correlation_and_source_id()
    {
        var store = new InMemoryEventStore();
        var kase = new SevenStepCase(store, new InMemoryParticipantDirectory());
        await kase.LaunchAsync();
        await kase.RunNextStepAsync();
        var facts = new CaseFactsCache(store, SevenStepCase.Definitions.Value);
        var stored = await store.ReadAllAsync(0, 1000);
        var mapped = new List<ICaseIntegrationEvent>();
        foreach (var e in stored)
        {
            var message = StoredEventMap.Map(await facts.ViewAsync(e, CancellationToken.None));
            Assert.Equal(StoredEventMap.Publishes(e.Type), message is not null);
            if (message is not null)
            {
                Assert.Equal(e.EventId, message.SourceEventId);
                Assert.Equal(e.GlobalPosition, message.SourcePosition);
                Assert.Equal(e.CorrelationId, message.CorrelationId);
                Assert.Equal(kase.CaseId, message.CaseId);
                Assert.Equal("Duy Xuyên", message.District);
                mapped.Add(message);
            }
        }

        var launched = Assert.Single(mapped.OfType<CaseLaunched>());
        Assert.Equal("party-committee-formation", launched.DefinitionId);
        var slate = Assert.Single(mapped.OfType<TaskAssigned>(), t => t.StepName == "slate");
        Assert.Equal(1, slate.Step);
        Assert.Contains("district-standing-committee", slate.CandidateGroups);
        Assert.Equal(SevenStepCase.Committee, slate.Scope);
        Assert.NotNull(slate.DueAt);
        var done = Assert.Single(mapped.OfType<TaskCompleted>());
        Assert.Equal(1, done.Step);
        var invitation = Assert.Single(mapped.OfType<NotificationRequested>());
        Assert.Equal((2, "conference-invitation", "party-member"), (invitation.Step, invitation.Kind, Assert.Single(invitation.RecipientGroups)));
        // The subject, then what the step attached: the committee and who stands.
        Assert.StartsWith("Giấy mời hội nghị lấy phiếu tín nhiệm\nĐảng bộ: ", invitation.Message, StringComparison.Ordinal);
        Assert.Contains("\nDanh sách nhân sự: ", invitation.Message, StringComparison.Ordinal);
        Assert.StartsWith("Invitation to the confidence-vote conference\nCommittee: ", invitation.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain(stored, e => e.Type == "gate-evaluated" && StoredEventMap.Publishes(e.Type));
    }

    [Fact]
    public async Task a_slate_sent_back_by_vetting_is_announced_as_a_return_naming_who_why_and_whom()
    {
        var store = new InMemoryEventStore();
        var kase = new SevenStepCase(store, new InMemoryParticipantDirectory());
        await kase.LaunchAsync();
        for (var step = 1; step <= 3; step++)
        {
            await kase.RunNextStepAsync();
        }

        var rejected = SevenStepCase.Slate[^1];
        await kase.RejectAtVettingAsync(rejected);
        var facts = new CaseFactsCache(store, SevenStepCase.Definitions.Value);
        var assigned = new List<TaskAssigned>();
        foreach (var e in await store.ReadAllAsync(0, 1000))
        {
            if (StoredEventMap.Map(await facts.ViewAsync(e, CancellationToken.None)) is TaskAssigned t)
            {
                assigned.Add(t);
            }
        }

        var slates = assigned.Where(t => t.StepName == "slate").ToList();
        Assert.Equal(2, slates.Count);
        Assert.Null(slates[0].Returned);
        var returned = Assert.IsType<StepReturnNotice>(slates[1].Returned);
        Assert.Contains("Chưa đủ tiêu chuẩn về thời gian công tác", returned.Reason, StringComparison.Ordinal);
        Assert.Contains(rejected, returned.ExplanationEn, StringComparison.Ordinal);

        var vi = NotificationTemplates.Render(slates[1], new Participant("u1", "Nguyễn Văn A", null));
        var en = NotificationTemplates.Render(slates[1], new Participant("u1", "Nguyen Van A", null, "en"));
        Assert.Equal("task-returned", vi.Kind);
        Assert.Contains("Trả lại để hoàn thiện", vi.Subject, StringComparison.Ordinal);
        Assert.Contains("Chưa đủ tiêu chuẩn về thời gian công tác", vi.Body, StringComparison.Ordinal);
        Assert.Contains(rejected, vi.Body, StringComparison.Ordinal);
        Assert.Contains("Returned for revision", en.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("New task", en.Subject, StringComparison.Ordinal);
    }
}
