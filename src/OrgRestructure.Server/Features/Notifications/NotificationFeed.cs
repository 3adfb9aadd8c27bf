using System.Text.Json;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Notifications;

public sealed record Notification(Guid Id, string CaseId, DateTimeOffset At, string MessageVi, string MessageEn, bool Read);

/// <summary>
/// The in-app feed, worked out from the event log: who must hear of each step (the step's
/// candidate roles in the case's district), of a returned slate and of the end of a case (every
/// participant of the district and the province board). Read marks are events of the reader's own
/// stream, so they survive restarts and every node agrees.
/// </summary>
public sealed class NotificationFeed(IEventStore store, CaseService cases)
{
    public async Task<IReadOnlyList<Notification>> ListAsync(Caller caller, CancellationToken ct)
    {
        var read = await ReadMarksAsync(caller, ct);
        var result = new List<Notification>();
        foreach (var state in await cases.ListAsync(caller, ct))
        {
            var events = await store.ReadStreamAsync(state.CaseId, null, ct);
            foreach (var e in events)
            {
                if (Describe(caller, state, e) is { } message)
                {
                    result.Add(new Notification(e.EventId, state.CaseId, e.Timestamp, message.Vi, message.En, read.Contains(e.EventId)));
                }
            }
        }

        return [.. result.OrderByDescending(n => n.At).ThenByDescending(n => n.Id)];
    }

    public async Task<int> UnreadCountAsync(Caller caller, CancellationToken ct) => (await ListAsync(caller, ct)).Count(n => !n.Read);

    public async Task MarkReadAsync(Caller caller, IReadOnlyList<Guid> ids, string? commandId, CancellationToken ct)
    {
        if (caller.IsReadOnly)
        {
            throw RequestRejectedException.Forbidden();
        }

        if (ids.Count == 0)
        {
            return;
        }

        await store.AppendAsync(
            new AppendRequest(ReadStream(caller), AppendRequest.Any, [new NewEvent("NotificationsRead", JsonSerializer.Serialize(ids))], new EventMetadata(caller.UserName, caller.Role.ToString(), Guid.NewGuid()), commandId),
            ct);
    }

    private static string ReadStream(Caller caller) => "notifications-read-" + caller.UserName;

    private async Task<HashSet<Guid>> ReadMarksAsync(Caller caller, CancellationToken ct)
    {
        var marks = new HashSet<Guid>();
        foreach (var e in await store.ReadStreamAsync(ReadStream(caller), null, ct))
        {
            marks.UnionWith(JsonSerializer.Deserialize<Guid[]>(e.Data) ?? []);
        }

        return marks;
    }

    private static (string Vi, string En)? Describe(Caller caller, CaseState state, StoredEvent e)
    {
        var everyone = caller.Role is Role.ProvinceOrganizationBoard or Role.DistrictStandingCommittee or Role.Administrator;
        switch (e.Type)
        {
            case nameof(TaskOpened):
                var opened = JsonSerializer.Deserialize<TaskOpened>(e.Data, CaseJson.Options)!;
                var step = ProcedureDefinition.Formation.Step(opened.Step);
                return step.CandidateRoles.Contains(caller.Role) || caller.Role == Role.Administrator
                    ? ($"{state.District}: bước {step.Number} \"{step.TitleVi}\" chờ bạn xử lý, hạn {opened.DueAt:dd/MM/yyyy}", $"{state.District}: step {step.Number} \"{step.TitleEn}\" awaits you, due {opened.DueAt:yyyy-MM-dd}")
                    : null;
            case nameof(TaskReassigned):
                var reassigned = JsonSerializer.Deserialize<TaskReassigned>(e.Data, CaseJson.Options)!;
                return reassigned.ToUser == caller.UserName ? ($"{state.District}: bạn được giao một việc", $"{state.District}: a task was assigned to you") : null;
            case nameof(SlateReturned):
                return everyone || caller.Role is Role.DistrictOrganizationBoard ? ($"{state.District}: danh sách bị trả về bước 1 sau thẩm định", $"{state.District}: the slate was returned to step 1 after vetting") : null;
            case nameof(TaskCompleted):
                var completed = JsonSerializer.Deserialize<TaskCompleted>(e.Data, CaseJson.Options)!;
                return everyone && completed.Step is 2 or 3 or 5 or 6 ? ($"{state.District}: {completed.OutcomeVi}", $"{state.District}: {completed.OutcomeEn}") : null;
            case nameof(CaseCompleted):
            case nameof(CaseCancelled):
                var (vi, en) = CaseNarration.Describe(JsonSerializer.Deserialize(e.Data, CaseEventTypes.ByName[e.Type], CaseJson.Options), e);
                return ($"{state.District}: {vi}", $"{state.District}: {en}");
            default:
                return null;
        }
    }
}
