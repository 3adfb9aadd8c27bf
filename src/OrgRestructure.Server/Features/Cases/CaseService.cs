using OrgRestructure.EventStore.Streams;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>
/// Runs cases of the formation procedure on the event store: every command reads the stream,
/// checks the caller's role and scope, validates, and appends at the version it read (a race is a
/// ConcurrencyException → 409). Out-of-scope cases are reported as not found.
/// </summary>
public sealed partial class CaseService(IEventStore store, TimeProvider clock, UserDirectory users, ILogger<CaseService> logger)
{
    public const string StreamPrefix = "case-";

    public async Task<IReadOnlyList<CaseState>> ListAsync(Caller caller, CancellationToken ct)
    {
        var result = new List<CaseState>();
        foreach (var id in (await store.ListStreamsAsync(ct)).Where(s => s.StartsWith(StreamPrefix, StringComparison.Ordinal)))
        {
            var state = CaseState.Fold(id, await store.ReadStreamAsync(id, null, ct));
            if (caller.CanSee(state.Province, state.District))
            {
                result.Add(state);
            }
        }

        return result;
    }

    /// <summary>The case as it is now, or at a version / time (audit replay). 404 when missing or out of scope.</summary>
    public async Task<CaseState> GetAsync(Caller caller, string caseId, StreamRange? range, CancellationToken ct)
    {
        var events = caseId.StartsWith(StreamPrefix, StringComparison.Ordinal) ? await store.ReadStreamAsync(caseId, null, ct) : [];
        if (events.Count == 0)
        {
            throw RequestRejectedException.NotFound("hồ sơ / case " + caseId);
        }

        var full = CaseState.Fold(caseId, events);
        if (!caller.CanSee(full.Province, full.District))
        {
            throw RequestRejectedException.NotFound("hồ sơ / case " + caseId);
        }

        return range is null ? full : CaseState.Fold(caseId, events.Where(range.Includes));
    }

    public async Task<IReadOnlyList<StoredEvent>> HistoryAsync(Caller caller, string caseId, CancellationToken ct)
    {
        await GetAsync(caller, caseId, null, ct);
        return await store.ReadStreamAsync(caseId, null, ct);
    }

    public async Task<CaseState> StartAsync(Caller caller, string province, string district, IReadOnlyList<CommitteePlan> committees, string? campaignId, string? commandId, CancellationToken ct)
    {
        if (caller.Role is not (Role.DistrictStandingCommittee or Role.ProvinceOrganizationBoard or Role.Administrator))
        {
            throw RequestRejectedException.Forbidden();
        }

        if (!caller.CanSee(province, district))
        {
            throw RequestRejectedException.NotFound("huyện / district " + district);
        }

        var existing = (await ListAsync(caller, ct)).FirstOrDefault(c => c.District == district && c.Status != CaseStatus.Cancelled);
        if (existing is not null && commandId is null)
        {
            throw RequestRejectedException.Conflict($"{district} đã có hồ sơ đang thực hiện ({existing.CaseId}).", $"{district} already has a case ({existing.CaseId}).");
        }

        var prefix = $"{StreamPrefix}{DemoUsers.Slug(district)}-";
        var caseId = existing?.CaseId ?? prefix + ((await store.ListStreamsAsync(ct)).Count(s => s.StartsWith(prefix, StringComparison.Ordinal)) + 1);
        var definition = ProcedureDefinition.Formation;
        var now = clock.GetUtcNow();
        var events = new object[]
        {
            new CaseStarted(caseId, definition.Id, definition.Version, province, district, committees, campaignId),
            new TaskOpened(TaskId(1, 1), 1, now.AddDays(definition.Step(1).DueDays)),
        };
        await AppendAsync(caller, caseId, AppendRequest.NoStream, events, commandId, ct);
        return await GetAsync(caller, caseId, null, ct);
    }

    public async Task<CaseState> CancelAsync(Caller caller, string caseId, string? reason, string? commandId, CancellationToken ct)
    {
        var state = await GetAsync(caller, caseId, null, ct);
        if (caller.Role is not (Role.DistrictStandingCommittee or Role.ProvinceOrganizationBoard or Role.Administrator))
        {
            throw RequestRejectedException.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["reason"] = ["Cần nêu lý do hủy / a reason is required"] });
        }

        RequireActive(state);
        await AppendAsync(caller, caseId, state.Version, [new CaseCancelled(reason.Trim())], commandId, ct);
        return await GetAsync(caller, caseId, null, ct);
    }

    private static string TaskId(int step, long round) => $"s{step}-r{round}";

    private static void RequireActive(CaseState state)
    {
        if (state.Status != CaseStatus.Active)
        {
            throw RequestRejectedException.Conflict("Hồ sơ đã kết thúc; không thể thao tác thêm.", "The case has ended; nothing more can be done on it.");
        }
    }

    private async Task AppendAsync(Caller caller, string caseId, long expectedVersion, IEnumerable<object> events, string? commandId, CancellationToken ct)
    {
        var correlation = Guid.NewGuid();
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CaseId"] = caseId, ["Actor"] = caller.UserName, ["CorrelationId"] = correlation });
        var newEvents = events.Select(e => new NewEvent(e.GetType().Name, CaseJson.Serialize<object>(e))).ToList();
        var result = await store.AppendAsync(
            new AppendRequest(caseId, expectedVersion, newEvents, new EventMetadata(caller.UserName, caller.Role.ToString(), correlation), commandId),
            ct);
        logger.LogInformation("{Actor} appended {Types} to {CaseId} (duplicate: {Duplicate})", caller.UserName, string.Join(",", newEvents.Select(e => e.Type)), caseId, result.WasDuplicate);
    }
}
