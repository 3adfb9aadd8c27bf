using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OrgRestructure.Domain.Communes;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Campaigns;

/// <summary>Where a launch stands after a province: how many units done of the total, how many cases this run started.</summary>
public sealed record LaunchProgress(string Province, int Done, int Total, int Created);

/// <summary>One province's part of a launch.</summary>
public sealed record ProvinceLaunch(string Province, int Units, int Created, int AlreadyStarted);

/// <summary>What a launch did: cases started now, units whose case had already started (an earlier or half-finished run).</summary>
public sealed record LaunchResult(string DefinitionId, int DefinitionVersion, int Units, int Created, int AlreadyStarted, TimeSpan Elapsed, IReadOnlyList<ProvinceLaunch> Provinces);

/// <summary>
/// Launches the national 2025 plan: one case per new commune-level unit, on the procedure that
/// declares the plan <see cref="Plan"/> current, with the file's schedule as its parameters. Each
/// start's command id is derived from the unit, so a second launch — or the rest of a half-finished
/// one — starts nothing twice: a unit already started is counted, not failed.
/// </summary>
public sealed class NationalCampaignLauncher(IWorkflowEngine engine)
{
    public const string Plan = "national-communes-2025";

    public static string CommandIdFor(NewUnit unit) => "national-2025:" + unit.Id;

    /// <summary>The case input for one unit (the schedule as parameter overrides the procedure declares).</summary>
    public JsonObject InputFor(string province, NewUnit unit, PlanSchedule schedule)
    {
        var declared = engine.Definitions.ForCampaign(Plan).Parameters;
        var parameters = new JsonObject();
        foreach (var (name, value) in new (string, string)[]
        {
            ("plansDue", Iso(schedule.PlansDue)), ("implementationFrom", Iso(schedule.From)), ("implementationUntil", Iso(schedule.Until)), ("term", schedule.Term),
        })
        {
            if (declared.TryGetValue(name, out var p) && p.Default.GetValue<string>() != value)
            {
                parameters[name] = value;
            }
        }

        var input = new JsonObject
        {
            ["province"] = province,
            ["unit"] = unit.Id,
            ["unitName"] = unit.Name,
            ["unitKind"] = UnitKinds.Code(unit.Kind),
            ["formedFrom"] = new JsonArray([.. unit.FormedFrom.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.Id,
                ["name"] = o.Name,
                ["kind"] = o.Kind,
                ["members"] = o.Members,
            })]),
        };
        if (parameters.Count > 0)
        {
            input["parameters"] = parameters;
        }

        return input;
    }

    public async Task<LaunchResult> LaunchAsync(NationalPlan plan, Actor actor, IProgress<LaunchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var definition = engine.Definitions.ForCampaign(Plan);
        var clock = Stopwatch.StartNew();
        var total = plan.UnitsAfter;
        var done = 0;
        var created = 0;
        var provinces = new List<ProvinceLaunch>();
        foreach (var province in plan.Provinces)
        {
            var (provinceCreated, already) = (0, 0);
            foreach (var unit in province.Units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await StartAsync(definition.Id, definition.Version, province.Province, unit, plan.Schedule, actor, cancellationToken))
                {
                    provinceCreated++;
                }
                else
                {
                    already++;
                }

                done++;
            }

            created += provinceCreated;
            provinces.Add(new ProvinceLaunch(province.Province, province.Units.Count, provinceCreated, already));
            progress?.Report(new LaunchProgress(province.Province, done, total, created));
        }

        return new LaunchResult(definition.Id, definition.Version, total, created, total - created, clock.Elapsed, provinces);
    }

    /// <summary>True when this call started the unit's case; false when it had started before.</summary>
    private async Task<bool> StartAsync(string definitionId, int version, string province, NewUnit unit, PlanSchedule schedule, Actor actor, CancellationToken cancellationToken)
    {
        try
        {
            var result = await engine.StartCaseAsync(definitionId, InputFor(province, unit, schedule), actor, new CommandOptions(CommandIdFor(unit)), version, cancellationToken);
            return !result.WasDuplicate;
        }
        catch (WorkflowConflict conflict) when (conflict.Code == ReadModels.CaseReadModelProjection.RunningCaseConflict(unit.Id, null).Code)
        {
            // The unit's case was started another way (the API, by hand): it holds the unit, which is what a launch wants.
            return false;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
