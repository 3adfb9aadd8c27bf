using System.Text.Json;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Server.Features.Surveys;

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
public sealed class CampaignService(IEventStore store, CaseService cases)
{
    public static string StreamId(string province) => "campaign-" + DemoUsers.Slug(province);

    public async Task<CampaignState> GetAsync(Caller caller, CancellationToken ct)
    {
        var id = StreamId(caller.Province);
        Survey? survey = null;
        var launches = new List<DistrictsLaunched>();
        var events = await store.ReadStreamAsync(id, null, ct);
        foreach (var e in events)
        {
            if (e.Type == nameof(SurveyImported))
            {
                var imported = JsonSerializer.Deserialize<SurveyImported>(e.Data, CaseJson.Options)!;
                survey = JsonSerializer.Deserialize<Survey>(imported.SurveyJson);
            }
            else if (e.Type == nameof(DistrictsLaunched))
            {
                launches.Add(JsonSerializer.Deserialize<DistrictsLaunched>(e.Data, CaseJson.Options)!);
            }
        }

        return new CampaignState(id, caller.Province, survey, survey is null ? null : RestructuringPlan.From(survey), launches, events.Count);
    }

    public async Task<CampaignState> ImportAsync(Caller caller, Survey survey, string? commandId, CancellationToken ct)
    {
        RequireProvinceBoard(caller);
        if (!string.Equals(survey.Province, caller.Province, StringComparison.Ordinal))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["province"] = [$"Khảo sát của tỉnh khác ({survey.Province}) / the survey is for another province"] });
        }

        var plan = RestructuringPlan.From(survey);
        var current = await GetAsync(caller, ct);
        var imported = new SurveyImported(JsonSerializer.Serialize(survey), plan.OrganizationsBefore, plan.CommitteesAfter, plan.Districts.Count);
        await store.AppendAsync(new AppendRequest(current.CampaignId, current.Version, [new NewEvent(nameof(SurveyImported), CaseJson.Serialize(imported))], Metadata(caller), commandId), ct);
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

        var targets = plan.Districts.Where(d => (pilot is null || pilot.Contains(d.District)) && !current.LaunchedDistricts.Contains(d.District)).ToList();
        if (targets.Count == 0)
        {
            throw RequestRejectedException.Conflict("Các huyện đã chọn đều đã được khởi động.", "Every chosen district has already been launched.");
        }

        var caseIds = new List<string>();
        foreach (var d in targets)
        {
            var started = await cases.StartAsync(caller, plan.Province, d.District, d.Committees, current.CampaignId, commandId is null ? null : commandId + ":" + d.District, ct);
            caseIds.Add(started.CaseId);
        }

        var launched = new DistrictsLaunched(pilot is null ? "rollout" : "pilot", [.. targets.Select(t => t.District)], caseIds);
        await store.AppendAsync(new AppendRequest(current.CampaignId, current.Version, [new NewEvent(nameof(DistrictsLaunched), CaseJson.Serialize(launched))], Metadata(caller), commandId), ct);
        return await GetAsync(caller, ct);
    }

    private static EventMetadata Metadata(Caller caller) => new(caller.UserName, caller.Role.ToString(), Guid.NewGuid());

    public static void RequireProvinceBoard(Caller caller)
    {
        if (caller.Role is not (Role.ProvinceOrganizationBoard or Role.Administrator))
        {
            throw RequestRejectedException.Forbidden();
        }
    }
}
