using System.Text.Json.Nodes;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Runtime;

/// <summary>
/// The 2025 commune-level formation (Guidance 31-HD/BTCTW): one case per new unit — the plan by
/// 15 May, the province standing committee's decision between 1 July and 15 August appointing the
/// whole leadership and inspection committee, the old committees ended the same day with their
/// members transferred, the announcement.
/// </summary>
public sealed class CommuneFormation2025Tests
{
    public static readonly Actor ProvinceBoard = new("btc-tinh", "province-organization-board");
    public static readonly Actor ProvinceStanding = new("btv-tinh", "province-standing-committee");

    private sealed class UnitCase(EngineHarness harness, string caseId)
    {
        public EngineHarness Harness { get; } = harness;

        public string CaseId { get; } = caseId;

        public async Task<CaseState> CompleteAsync(string stepId, JsonObject data, Actor actor)
        {
            var task = EngineHarness.OpenTaskAt(await Harness.Engine.GetCaseAsync(CaseId), stepId);
            return (await Harness.Engine.CompleteTaskAsync(CaseId, task.Id, data, actor)).State;
        }

        public Task<long> VersionAsync() => Harness.Store.GetStreamVersionAsync(CaseId);
    }

    private static async Task<UnitCase> StartAsync()
    {
        var harness = new EngineHarness();
        var definition = harness.Registry.ForCampaign("national-communes-2025");
        var started = await harness.Engine.StartCaseAsync(definition.Id, CommuneUnitForms.UnitInput(), ProvinceBoard);
        return new UnitCase(harness, started.CaseId);
    }

    private static async Task<UnitCase> AtClosureAsync()
    {
        var c = await StartAsync();
        await c.CompleteAsync("plan", CommuneUnitForms.Plan(), ProvinceBoard);
        await c.CompleteAsync("establishment", CommuneUnitForms.Decision(), ProvinceStanding);
        return c;
    }

    [Fact]
    public void the_national_plan_starts_new_cases_on_the_commune_procedure_with_the_guidance_schedule()
    {
        var definition = EngineHarness.CopyOfShipped().ForCampaign("national-communes-2025");

        Assert.Equal("commune-party-committee-formation-2025", definition.Id);
        Assert.Equal("2025-05-15", definition.Parameters["plansDue"].Default.GetValue<string>());
        Assert.Equal("2025-07-01", definition.Parameters["implementationFrom"].Default.GetValue<string>());
        Assert.Equal("2025-08-15", definition.Parameters["implementationUntil"].Default.GetValue<string>());
        Assert.Contains(definition.LegalBasis, b => b.Contains("31-HD/BTCTW", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_launched_unit_waits_for_its_plan_due_by_15_may_2025()
    {
        var c = await StartAsync();

        var state = await c.Harness.Engine.GetCaseAsync(c.CaseId);
        var task = Assert.Single(state.OpenTasks);
        Assert.Equal("plan", task.StepId);
        Assert.Equal("province-organization-board", task.AssigneeRole);
        Assert.Equal("lai-chau-xa-001", task.Scope);
        Assert.Equal(new DateTimeOffset(2025, 5, 15, 23, 59, 59, TimeSpan.FromHours(7)), task.DueAt);
        Assert.Equal(task.DueAt!.Value.AddDays(-3), task.RemindAt);
    }

    [Fact]
    public async Task a_unit_walks_plan_decision_closure_and_announcement_to_completion()
    {
        var c = await AtClosureAsync();
        await c.CompleteAsync("close-old-committees", CommuneUnitForms.Closure(), ProvinceBoard);
        var state = await c.CompleteAsync("announcement", new JsonObject { ["ceremonyDate"] = "2025-07-01", ["attendees"] = 150, ["decisions"] = new JsonArray("120-QĐ/TU") }, ProvinceBoard);

        Assert.Equal(CaseStatus.Completed, state.Status);
        var decision = state.Branches[CaseState.RootBranchId].Outputs["establishment"]!;
        Assert.Equal(8, decision["appointees"]!.AsArray().Count);
        var closures = state.Branches[CaseState.RootBranchId].Outputs["close-old-committees"]!["closures"]!.AsArray();
        Assert.Equal(["Đảng bộ xã cũ 001.1 (Lai Châu)", "Đảng bộ xã cũ 001.2 (Lai Châu)"], closures.Select(x => x!["organization"]!.GetValue<string>()));
        Assert.Equal(205, closures.Sum(x => x!["membersTransferred"]!.GetValue<int>()));
        Assert.Equal(EngineHarness.Snapshot(state), EngineHarness.Snapshot(await c.Harness.ReplayAsync(c.CaseId)));
    }

    [Theory]
    [InlineData("2025-06-30", "cannot be before first day for establishing the new committees (01/07/2025)")]
    [InlineData("2025-08-16", "cannot be after last day for establishing the new committees (15/08/2025)")]
    public async Task a_decision_outside_the_1_july_to_15_august_window_is_refused(string date, string message)
    {
        var c = await StartAsync();
        await c.CompleteAsync("plan", CommuneUnitForms.Plan(), ProvinceBoard);
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("establishment", CommuneUnitForms.Decision(date), ProvinceStanding));

        Assert.Equal("date-out-of-order", ex.Code);
        Assert.Contains(ex.Problems, p => p.Field == "date" && p.En.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task a_decision_without_an_inspection_chair_is_refused()
    {
        var c = await StartAsync();
        await c.CompleteAsync("plan", CommuneUnitForms.Plan(), ProvinceBoard);
        var decision = CommuneUnitForms.Decision();
        decision["appointees"]!.AsArray().RemoveAt(5);

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("establishment", decision, ProvinceStanding));

        Assert.Equal("decision-seats", ex.Code);
        Assert.Contains("at least 1 inspection committee chair must be appointed (0 so far)", ex.MessageEn, StringComparison.Ordinal);
        Assert.Contains("Chủ nhiệm Ủy ban Kiểm tra", ex.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_decision_appointing_more_than_the_plans_executive_seats_is_refused()
    {
        var c = await StartAsync();
        await c.CompleteAsync("plan", CommuneUnitForms.Plan(), ProvinceBoard);
        var decision = CommuneUnitForms.Decision();
        decision["appointees"]!.AsArray().Add(new JsonObject { ["name"] = "Ngô Văn Lâm", ["position"] = "executive-committee" });

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("establishment", decision, ProvinceStanding));

        Assert.Equal("decision-exceeds-slate", ex.Code);
    }

    [Fact]
    public async Task closing_the_old_committees_must_transfer_each_ones_members()
    {
        var c = await AtClosureAsync();
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("close-old-committees", CommuneUnitForms.Closure(secondTransferred: 80), ProvinceBoard));

        Assert.Equal("list-does-not-match", ex.Code);
        Assert.Contains(ex.Problems, p => p.Field == "closures[1].membersTransferred" && p.En.Contains("members transferred is 80, the case records 85", StringComparison.Ordinal));
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task an_old_committee_left_out_or_unknown_is_named()
    {
        var c = await AtClosureAsync();
        var closure = CommuneUnitForms.Closure();
        closure["closures"]![1]!["organization"] = "Đảng bộ xã khác";

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("close-old-committees", closure, ProvinceBoard));

        Assert.Contains(ex.Problems, p => p.Field == "closures[1].organization" && p.En.Contains("“Đảng bộ xã khác” is not in the case's list", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Field == "closures" && p.En.Contains("is missing: Đảng bộ xã cũ 001.2 (Lai Châu)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_old_committees_end_the_day_the_new_one_is_established_not_another()
    {
        var c = await AtClosureAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("close-old-committees", CommuneUnitForms.Closure(endedAt: "2025-07-02"), ProvinceBoard));

        Assert.Contains(ex.Problems, p => p.Field == "endedAt" && p.En.Contains("cannot be after the date of “Step 2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_launch_with_a_unit_kind_that_is_not_commune_ward_or_special_zone_is_refused_naming_the_field()
    {
        var harness = new EngineHarness();
        var input = CommuneUnitForms.UnitInput();
        input["unitKind"] = "huyen";

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => harness.Engine.StartCaseAsync(harness.Registry.ForCampaign("national-communes-2025").Id, input, ProvinceBoard));

        Assert.Contains(ex.Problems, p => p.Field == "unitKind");
        Assert.Empty(await harness.Engine.ListOpenTasksAsync(new TaskQuery()));
    }
}
