using OrgRestructure.Contracts;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Relay;
using OrgRestructure.Messaging.Tests.Support;

namespace OrgRestructure.Messaging.Tests.Relay;

public sealed class StoredEventMapTests
{
    [Fact]
    public async Task engine_events_map_to_integration_events_carrying_case_district_step_correlation_and_source_id()
    {
        var store = new InMemoryEventStore();
        var kase = new SevenStepCase(store, new InMemoryParticipantDirectory());
        await kase.LaunchAsync();
        await kase.RunNextStepAsync();
        var facts = new CaseFactsCache(store);
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
}
