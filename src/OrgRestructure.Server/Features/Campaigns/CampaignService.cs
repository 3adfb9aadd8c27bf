using System.Collections.Concurrent;
using System.Text.Json;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Planning;
using OrgRestructure.Domain.Surveys;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Campaigns;

/// <summary>The province's campaign as seen now: the last imported survey, its plan, and what was launched.</summary>
public sealed record CampaignState(string CampaignId, string Province, Survey? Survey, RestructuringPlan? Plan, IReadOnlyList<DistrictsLaunched> Launches, long Version)
{
    public IReadOnlyList<string> LaunchedDistricts => [.. Launches.SelectMany(l => l.Districts)];
}

/// <summary>
/// The province campaign: import a survey (kept as an event, so the plan can be recomputed at any
/// point of the history), launch the pilot districts, then roll out to the rest.
/// </summary>
public sealed class CampaignService(IEventStore store, CaseService cases, CaseReadModel readModel)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The survey and its plan are derived from the stream, so each node may keep them per stream
    // version: the dashboard and the notifier then read one version number, not the whole survey.
    private readonly ConcurrentDictionary<string, CampaignState> _loaded = new(StringComparer.Ordinal);

    public static string StreamId(string province) => "campaign-" + DemoUsers.Slug(province);

    public Task<CampaignState> GetAsync(Caller caller, CancellationToken ct) => LoadAsync(caller.Province, ct);

    /// <summary>The province's campaign as its stream stands; for the server's own use (no caller: no scope check).</summary>
    public async Task<CampaignState> LoadAsync(string province, CancellationToken ct)
    {
        var id = StreamId(province);
        var version = await store.GetStreamVersionAsync(id, ct);
        if (_loaded.TryGetValue(id, out var known) && known.Version == version)
        {
            return known;
        }

        Survey? survey = null;
        var launches = new List<DistrictsLaunched>();
        var events = await store.ReadStreamAsync(id, null, ct);
        foreach (var e in events)
        {
            if (e.Type == nameof(SurveyImported))
            {
                var imported = JsonSerializer.Deserialize<SurveyImported>(e.Data, Json)!;
                survey = Read(imported.Content, imported.Format, province);
            }
            else if (e.Type == nameof(DistrictsLaunched))
            {
                launches.Add(JsonSerializer.Deserialize<DistrictsLaunched>(e.Data, Json)!);
            }
        }

        var state = new CampaignState(id, province, survey, survey is null ? null : RestructuringPlanner.Plan(survey), launches, events.Count > 0 ? events[^1].StreamVersion : 0);
        _loaded[id] = state;
        return state;
    }

    /// <summary>
    /// Reads a survey with the domain's importer (JSON in the shared format, or CSV); every problem
    /// it finds is refused at once, keyed by what it is about.
    /// </summary>
    public static Survey Read(string content, string format, string province)
    {
        var result = format == "csv" ? SurveyImport.FromCsv(content, province) : SurveyImport.FromJson(content);
        if (!result.IsSuccess)
        {
            throw ProblemRefusal.Of("Khảo sát chưa hợp lệ: ", "The survey is not valid: ", result.Problems);
        }

        return result.Value;
    }

    public async Task<CampaignState> ImportAsync(Caller caller, string content, string format, string? commandId, CancellationToken ct)
    {
        RequireProvinceBoard(caller);
        var survey = Read(content, format, caller.Province);
        if (!string.Equals(survey.Province, caller.Province, StringComparison.Ordinal))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["province"] = [$"Khảo sát của tỉnh khác ({survey.Province}) / the survey is for another province"] });
        }

        var plan = RestructuringPlanner.Plan(survey);
        var current = await GetAsync(caller, ct);
        var imported = new SurveyImported(content, format, plan.Totals.OrganizationsBefore, plan.Totals.CommitteesAfter, plan.Districts.Count);
        await store.AppendAsync(new AppendRequest(current.CampaignId, current.Version, [new NewEvent(nameof(SurveyImported), JsonSerializer.Serialize(imported, Json))], Metadata(caller), commandId), ct);
        return await GetAsync(caller, ct);
    }

    /// <summary>Starts one case per district. <paramref name="pilot"/> districts first; null = every district not yet launched.</summary>
    public async Task<CampaignState> LaunchAsync(Caller caller, IReadOnlyList<string>? pilot, string? commandId, CancellationToken ct)
    {
        RequireProvinceBoard(caller);
        var current = await GetAsync(caller, ct);
        var plan = current.Plan ?? throw RequestRejectedException.Conflict("Chưa nhập khảo sát; hãy nhập khảo sát trước.", "No survey imported yet; import the survey first.");
        if (pilot is null && current.Launches.Count == 0)
        {
            throw RequestRejectedException.Conflict("Cần thí điểm trước khi triển khai toàn tỉnh.", "Run the pilot before rolling out to the rest.");
        }

        var unknown = (pilot ?? []).Where(d => plan.Districts.All(p => p.District != d)).ToList();
        if (pilot is { Count: 0 } || unknown.Count > 0)
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["districts"] = [$"Chọn ít nhất một huyện có trong khảo sát; không có: {string.Join(", ", unknown)} / choose districts from the survey"] });
        }

        // A district may already have its case, launched on its own (POST /api/cases): it is skipped, not refused half-way.
        var live = await DistrictsWithACaseAsync(caller, ct);
        var targets = plan.Districts.Where(d => (pilot is null || pilot.Contains(d.District)) && d.Committees.Count > 0 && !current.LaunchedDistricts.Contains(d.District) && !live.Contains(d.District)).ToList();
        if (targets.Count == 0)
        {
            throw RequestRejectedException.Conflict("Các huyện đã chọn đều đã được khởi động.", "Every chosen district has already been launched.");
        }

        var caseIds = new List<string>();
        foreach (var d in targets)
        {
            var started = await cases.StartAsync(caller, plan.Province, d.District, d.Committees, commandId is null ? null : commandId + ":" + d.District, ct);
            caseIds.Add(started.State.CaseId);
        }

        var launched = new DistrictsLaunched(pilot is null ? "rollout" : "pilot", [.. targets.Select(t => t.District)], caseIds);
        await store.AppendAsync(new AppendRequest(current.CampaignId, current.Version, [new NewEvent(nameof(DistrictsLaunched), JsonSerializer.Serialize(launched, Json))], Metadata(caller), commandId), ct);
        return await GetAsync(caller, ct);
    }

    /// <summary>The districts in the caller's scope with a running or completed case (from the read model).</summary>
    public async Task<IReadOnlySet<string>> DistrictsWithACaseAsync(Caller caller, CancellationToken ct) =>
        (await readModel.LatestPerDistrictAsync(CaseService.ScopeOf(caller), ct))
            .Where(r => r.Status != nameof(CaseStatus.Cancelled))
            .Select(r => r.District)
            .ToHashSet(StringComparer.Ordinal);

    private static EventMetadata Metadata(Caller caller) => new(caller.UserName, caller.Role.ToString(), Guid.NewGuid());

    public static void RequireProvinceBoard(Caller caller)
    {
        if (caller.Role is not (Role.ProvinceOrganizationBoard or Role.Administrator))
        {
            throw RequestRejectedException.Forbidden();
        }
    }
}
