using System.Text.Json.Nodes;
using OrgRestructure.Domain.Planning;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>
/// The server's door to the workflow engine: every call checks the caller's scope against the
/// case input (province, district) first — a case outside it is reported as not found — and then
/// lets the engine decide (roles per task, rules, versions). Engine refusals keep their type so
/// the problem-details writer maps them (422 rule, 409 step/version, 404 unknown).
/// </summary>
public sealed partial class CaseService(IWorkflowEngine engine, IEventStore store, CaseReadModel readModel, UserDirectory users, TimeProvider clock)
{
    /// <summary>The plan a province's survey makes; the procedure serving it is the definition that declares it.</summary>
    public const string DistrictSurveyPlan = "district-survey";

    public static Actor ActorOf(Caller caller) => new(caller.UserName, Roles.EngineRole(caller.Role), caller.District ?? caller.Province);

    /// <summary>What the caller may see, as the read model's filter (the same rule as <see cref="Caller.CanSee"/>).</summary>
    public static ReadScope ScopeOf(Caller caller) =>
        caller.IsNational ? ReadScope.Nationwide : new(caller.Province, Roles.IsProvinceWide(caller.Role) ? null : caller.District);

    /// <summary>A page of the cases in the caller's scope, from the read model: no stream is read.</summary>
    public async Task<Page<CaseSummary>> ListAsync(Caller caller, string? status, string? district, int? limit, string? cursor, CancellationToken ct)
    {
        var page = await readModel.ListCasesAsync(ScopeOf(caller), status, district, limit, cursor, ct);
        var now = clock.GetUtcNow();
        return new Page<CaseSummary>([.. page.Items.Select(r => CaseSummary.From(r, engine.Definitions, now))], page.NextCursor);
    }

    /// <summary>The engine state now, or as it was after <paramref name="version"/> / at <paramref name="at"/>. 404 when missing or out of scope.</summary>
    public async Task<CaseState> GetStateAsync(Caller caller, string caseId, long? version, DateTimeOffset? at, CancellationToken ct)
    {
        var state = caseId.StartsWith(CaseStreamFolder.StreamPrefix, StringComparison.Ordinal)
            ? await engine.GetCaseAsync(caseId, ct)
            : throw RequestRejectedException.NotFound("hồ sơ / case " + caseId);
        if (!caller.CanSee(CaseView.ProvinceOf(state), CaseView.DistrictOf(state)))
        {
            throw RequestRejectedException.NotFound("hồ sơ / case " + caseId);
        }

        return version is null && at is null ? state : await engine.GetCaseAtAsync(caseId, version, at, ct);
    }

    /// <summary>The case (now, or after <paramref name="version"/> / at <paramref name="at"/>) from one read of its stream. 404 when missing or out of scope.</summary>
    public async Task<CaseView> GetAsync(Caller caller, string caseId, long? version, DateTimeOffset? at, CancellationToken ct) =>
        View(await ReadAsync(caller, caseId, version, at, ct));

    /// <summary>The case's events (up to <paramref name="version"/> / <paramref name="at"/>), their fold and its definition: what every view of it is built from. 404 when missing or out of scope.</summary>
    public async Task<CaseRead> ReadAsync(Caller caller, string caseId, long? version, DateTimeOffset? at, CancellationToken ct)
    {
        var events = caseId.StartsWith(CaseStreamFolder.StreamPrefix, StringComparison.Ordinal)
            ? await store.ReadStreamAsync(caseId, new StreamRange(1, version, at), ct)
            : [];
        var state = events.Count > 0 ? CaseStreamFolder.Fold(events) : null;
        if (state is null || !caller.CanSee(CaseView.ProvinceOf(state), CaseView.DistrictOf(state)))
        {
            throw RequestRejectedException.NotFound("hồ sơ / case " + caseId);
        }

        return new CaseRead(state, events, engine.Definitions.Get(state.DefinitionId, state.DefinitionVersion));
    }

    public CaseView View(CaseRead read) => CaseView.From(read.State, read.Definition, read.Events, clock.GetUtcNow());

    public async Task<IReadOnlyList<StoredEvent>> HistoryAsync(Caller caller, string caseId, CancellationToken ct)
    {
        await GetStateAsync(caller, caseId, null, null, ct);
        return await store.ReadStreamAsync(caseId, null, ct);
    }

    /// <summary>Starts the formation case of a district with the committees the province plan gives it.</summary>
    public async Task<CaseRead> StartAsync(Caller caller, string province, string district, IReadOnlyList<ProposedCommittee> committees, string? commandId, CancellationToken ct)
    {
        if (caller.Role is not (Role.DistrictStandingCommittee or Role.ProvinceOrganizationBoard or Role.Administrator))
        {
            throw RequestRejectedException.Forbidden();
        }

        if (!caller.CanSee(province, district))
        {
            throw RequestRejectedException.NotFound("huyện / district " + district);
        }

        // One case per district is a unique key of the read model, written in the append's transaction:
        // a second launch (concurrent or not, with any Idempotency-Key) is refused there with a 409.
        var input = new JsonObject
        {
            ["province"] = province,
            ["district"] = district,
            ["committees"] = new JsonArray([.. committees.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["blocs"] = new JsonArray([.. c.Blocs.Select(b => (JsonNode)JsonValue.Create(b.ToString()))]),
                ["organizations"] = new JsonArray([.. c.SourceOrganizationIds.Select(o => (JsonNode)JsonValue.Create(o))]),
                ["members"] = c.Members,
            })]),
        };
        var result = await engine.StartCaseAsync(engine.Definitions.ForCampaign(DistrictSurveyPlan).Id, input, ActorOf(caller), new CommandOptions(commandId), cancellationToken: ct);
        return await ReadAfterAsync(result, ct);
    }

    public async Task<CaseRead> CancelAsync(Caller caller, string caseId, string? reason, string? commandId, CancellationToken ct)
    {
        await EnsureVisibleAsync(caller, caseId, ct);
        if (caller.Role is not (Role.DistrictStandingCommittee or Role.ProvinceOrganizationBoard or Role.Administrator))
        {
            throw RequestRejectedException.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["reason"] = ["Cần nêu lý do hủy / a reason is required"] });
        }

        return await RunAsync(caller, caseId, (actor, options) => engine.CancelCaseAsync(caseId, reason.Trim(), actor, options, ct), commandId, ct);
    }

    public Task<CaseRead> ClaimAsync(Caller caller, string caseId, string taskId, string? commandId, CancellationToken ct) =>
        RunAsync(caller, caseId, (actor, options) => engine.ClaimTaskAsync(caseId, taskId, actor, options, ct), commandId, ct);

    public Task<CaseRead> ReleaseAsync(Caller caller, string caseId, string taskId, string? commandId, CancellationToken ct) =>
        RunAsync(caller, caseId, (actor, options) => engine.ReleaseTaskAsync(caseId, taskId, actor, options, ct), commandId, ct);

    /// <summary>Gives the task to a known account; the boards and the standing committee may reassign, the engine checks the task's roles.</summary>
    public async Task<CaseRead> ReassignAsync(Caller caller, string caseId, string taskId, string? userName, string? reason, string? commandId, CancellationToken ct)
    {
        await EnsureVisibleAsync(caller, caseId, ct);
        if (caller.Role is not (Role.DistrictStandingCommittee or Role.DistrictOrganizationBoard or Role.ProvinceOrganizationBoard or Role.Administrator))
        {
            throw RequestRejectedException.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(userName) || users.Find(userName.Trim()) is null)
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["userName"] = [$"Chọn một người dùng có trong hệ thống / choose a known user ('{userName}')"] });
        }

        var why = string.IsNullOrWhiteSpace(reason) ? $"Giao lại bởi {caller.UserName} / reassigned by {caller.UserName}" : reason.Trim();
        return await RunAsync(caller, caseId, (actor, options) => engine.ReassignTaskAsync(caseId, taskId, userName.Trim(), null, why, actor, options, ct), commandId, ct);
    }

    public Task<CaseRead> CompleteAsync(Caller caller, string caseId, string taskId, JsonObject data, string? commandId, CancellationToken ct) =>
        RunAsync(caller, caseId, (actor, options) => engine.CompleteTaskAsync(caseId, taskId, data, actor, options, ct), commandId, ct);

    /// <summary>Whether the caller may work the task: their role is its assignee role or a candidate group, or they hold it.</summary>
    public static bool CanWork(Caller caller, TaskView task)
    {
        var role = Roles.EngineRole(caller.Role);
        return task.Open && !caller.IsReadOnly && (caller.Role == Role.Administrator || task.Assignee == caller.UserName
            || (task.Assignee is null && (task.AssigneeRole == role || task.CandidateGroups.Contains(role))));
    }

    private async Task<CaseRead> RunAsync(Caller caller, string caseId, Func<Actor, CommandOptions, Task<CaseCommandResult>> command, string? commandId, CancellationToken ct)
    {
        await EnsureVisibleAsync(caller, caseId, ct);
        var result = await command(ActorOf(caller), new CommandOptions(commandId));
        return await ReadAfterAsync(result, ct);
    }

    /// <summary>The scope check of a command, from the case's summary row; the engine then reads the stream once.</summary>
    private async Task EnsureVisibleAsync(Caller caller, string caseId, CancellationToken ct)
    {
        if (await readModel.FindAsync(caseId, ct) is not { } row || !caller.CanSee(row.Province, row.District))
        {
            throw RequestRejectedException.NotFound("hồ sơ / case " + caseId);
        }
    }

    /// <summary>
    /// The case after a command, from the events the command already holds (read again only when it
    /// does not). Not yet a view: a page that redirects needs none, and the whole case with its
    /// timeline is ~140 KB of JSON for a 2025 unit with fifteen committees.
    /// </summary>
    private async Task<CaseRead> ReadAfterAsync(CaseCommandResult result, CancellationToken ct)
    {
        var state = result.State;
        var events = result.History is { } history && history.Count > 0 && history[^1].StreamVersion == state.Version
            ? history
            : await store.ReadStreamAsync(state.CaseId, new StreamRange(1, state.Version), ct);
        return new CaseRead(state, events, engine.Definitions.Get(state.DefinitionId, state.DefinitionVersion));
    }

    /// <summary>Where the case stands and its open tasks, without its timeline: the answer to a command sent with <c>Prefer: return=minimal</c>.</summary>
    public CaseStanding Standing(CaseRead read) => CaseStanding.From(read.State, read.Definition, clock.GetUtcNow());
}
