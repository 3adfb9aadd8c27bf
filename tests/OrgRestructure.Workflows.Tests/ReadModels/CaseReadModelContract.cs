using OrgRestructure.EventStore.Storage;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Campaigns;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.ReadModels;

/// <summary>
/// What the case read model promises on every back end: rows equal to the fold, written with the
/// events, one case per district, scoped keyset pages, due cases for the scheduler, and a rebuild
/// that gives the same rows.
/// </summary>
public abstract class CaseReadModelContract
{
    protected abstract EventStoreBackend Backend { get; }

    private static readonly ReadScope Province = new("Quảng Nam", null);

    [Fact]
    public async Task a_started_case_has_its_summary_and_every_open_task_as_rows_the_moment_the_append_returns()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);

        var state = await h.StartAsync("Duy Xuyên", committees: 3);

        var row = await h.ReadModel.FindAsync(state.CaseId);
        Assert.NotNull(row);
        Assert.Equal(("Quảng Nam", "Duy Xuyên", "Running", 3, state.Version), (row.Province, row.District, row.Status, row.Committees, row.Version));
        Assert.Equal(state.OpenTasks.Count(), row.OpenTasks);
        var (_, tasks) = await h.RowsAsync();
        Assert.Equal(state.OpenTasks.Select(t => t.Id).Order(), tasks.Select(t => t.TaskId).Order());
        Assert.All(tasks, t => Assert.Equal(state.Tasks[t.TaskId].AssigneeRole, t.AssigneeRole));
        Assert.Equal(state.Tasks.Values.Where(t => t.Status == WorkTaskStatus.Open).Min(t => t.DueAt)?.ToUnixTimeMilliseconds(), row.DueAt);
    }

    [Fact]
    public async Task completing_a_task_removes_its_row_and_adds_the_next_step_task()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var state = await h.StartAsync("Duy Xuyên", committees: 1);
        var slate = state.OpenTasks.Single(t => t.StepId == "slate");

        state = await h.CompleteAsync(state, "slate", FormData.Slate(FormationDriver.Slate), EngineHarness.StandingCommittee);

        var (cases, tasks) = await h.RowsAsync();
        Assert.DoesNotContain(tasks, t => t.TaskId == slate.Id);
        Assert.Equal(state.OpenTasks.Select(t => (t.Id, t.StepId)).Order(), tasks.Select(t => (t.TaskId, t.StepId)).Order());
        Assert.Equal(state.Version, Assert.Single(cases).Version);
    }

    [Fact]
    public async Task a_second_case_for_a_district_is_refused_naming_the_district_and_appends_nothing()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var first = await h.StartAsync("Duy Xuyên");
        var before = (await h.Store.ListStreamsAsync()).Count;

        var refused = await Assert.ThrowsAsync<WorkflowConflict>(() => h.StartAsync("Duy Xuyên"));

        Assert.Equal("district-has-case", refused.Code);
        Assert.Contains("Duy Xuyên", refused.MessageVi, StringComparison.Ordinal);
        Assert.Contains(first.CaseId, refused.MessageEn, StringComparison.Ordinal);
        Assert.Equal(before, (await h.Store.ListStreamsAsync()).Count);
    }

    [Fact]
    public async Task a_district_whose_case_was_cancelled_may_start_a_new_one()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var first = await h.StartAsync("Duy Xuyên");
        await h.Engine.CancelCaseAsync(first.CaseId, "Lập lại phương án", EngineHarness.StandingCommittee);

        var second = await h.StartAsync("Duy Xuyên");

        var counts = await h.ReadModel.CountByStatusAsync(Province, holdingDistrict: false);
        Assert.Equal((1, 1), (counts["Cancelled"], counts["Running"]));
        Assert.Equal(0, (await h.ReadModel.FindAsync(first.CaseId))!.OpenTasks);
        Assert.Equal(second.CaseId, Assert.Single(await h.ReadModel.LatestPerDistrictAsync(Province)).CaseId);
    }

    [Fact]
    public async Task two_concurrent_launches_for_one_district_start_exactly_one_case()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);

        var launches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await h.StartAsync("Thăng Bình")).CaseId;
            }
            catch (WorkflowConflict)
            {
                return null;
            }
        })));

        var started = Assert.Single(launches, id => id is not null);
        Assert.Equal(started, Assert.Single((await h.RowsAsync()).Cases).CaseId);
        Assert.Single(await h.Store.ListStreamsAsync());
    }

    [Fact]
    public async Task task_pages_keep_to_the_scope_and_the_role_and_page_through_without_gaps_or_repeats()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var duyXuyen = await h.StartAsync("Duy Xuyên", committees: 5);
        await h.StartAsync("Phước Sơn", committees: 2);
        await h.StartAsync("Duy Xuyên", province: "Đà Nẵng", committees: 2);
        var filter = new TaskFilter("bt-huyen", "district-standing-committee");
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;

        do
        {
            var page = await h.ReadModel.ListTasksAsync(new ReadScope("Quảng Nam", "Duy Xuyên"), filter, h.Clock.Now, 2, cursor);
            seen.AddRange(page.Items.Select(t => t.TaskId));
            Assert.All(page.Items, t => Assert.Equal(duyXuyen.CaseId, t.CaseId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        var expected = duyXuyen.OpenTasks.Where(t => t.AssigneeRole == "district-standing-committee" || t.CandidateGroups.Contains("district-standing-committee")).Select(t => t.Id).Order().ToList();
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, seen.Order());
        Assert.Equal(3, pages);
        Assert.Empty((await h.ReadModel.ListTasksAsync(new ReadScope("Quảng Nam", "Duy Xuyên"), filter with { Mine = true }, h.Clock.Now, null, null)).Items);
    }

    [Fact]
    public async Task a_claimed_task_is_in_the_claimant_own_list_and_no_longer_in_the_group_list()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var state = await h.StartAsync("Duy Xuyên", committees: 2);
        var task = state.OpenTasks.First(t => t.StepId == "slate");
        await h.Engine.ClaimTaskAsync(state.CaseId, task.Id, EngineHarness.StandingCommittee);
        var scope = new ReadScope("Quảng Nam", "Duy Xuyên");
        var filter = new TaskFilter(EngineHarness.StandingCommittee.Id, "district-standing-committee");

        var mine = await h.ReadModel.ListTasksAsync(scope, filter with { Mine = true }, h.Clock.Now, null, null);
        var group = await h.ReadModel.ListTasksAsync(scope, filter with { Mine = false }, h.Clock.Now, null, null);
        var colleague = await h.ReadModel.ListTasksAsync(scope, filter with { UserName = "pbt-huyen" }, h.Clock.Now, null, null);

        Assert.Equal(task.Id, Assert.Single(mine.Items).TaskId);
        Assert.DoesNotContain(group.Items, t => t.TaskId == task.Id);
        Assert.DoesNotContain(colleague.Items, t => t.TaskId == task.Id);
        Assert.Single(group.Items);
    }

    [Fact]
    public async Task the_deadline_scan_finds_only_cases_with_something_due_and_forgets_them_once_fired()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var state = await h.StartAsync("Duy Xuyên", committees: 1);
        await h.StartAsync("Phước Sơn", committees: 1);
        var completed = await h.StartAsync("Thăng Bình", committees: 1);
        await h.Engine.CancelCaseAsync(completed.CaseId, "Dừng", EngineHarness.StandingCommittee);
        var due = state.OpenTasks.Single().DueAt!.Value;

        Assert.Empty(await h.ReadModel.DueCaseIdsAsync(h.Clock.Now));
        h.Clock.Now = due.AddDays(1);
        var dueNow = await h.ReadModel.DueCaseIdsAsync(h.Clock.Now);
        var fired = await h.Engine.FireDueTimersAsync(h.Clock.Now);

        Assert.Equal(2, dueNow.Count);
        Assert.DoesNotContain(completed.CaseId, dueNow);
        Assert.Equal(dueNow.Order(), fired.Select(f => f.CaseId).Order());
        Assert.Empty(await h.ReadModel.DueCaseIdsAsync(h.Clock.Now));
        var overdue = await h.ReadModel.ListTasksAsync(Province, new TaskFilter("admin", "administrator", Everything: true, Overdue: true), h.Clock.Now, null, null);
        Assert.Equal(2, overdue.Items.Count);
        Assert.All(overdue.Items, t => Assert.True(t.Missed));
    }

    [Fact]
    public async Task a_rebuild_after_the_tables_are_emptied_gives_identical_rows()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var state = await h.StartAsync("Duy Xuyên", committees: 2);
        state = await h.CompleteAsync(state, "slate", FormData.Slate(FormationDriver.Slate), EngineHarness.StandingCommittee);
        await h.Engine.ClaimTaskAsync(state.CaseId, state.OpenTasks.First(t => t.StepId == "members-vote").Id, EngineHarness.OrganizationBoard);
        var cancelled = await h.StartAsync("Phước Sơn");
        await h.Engine.CancelCaseAsync(cancelled.CaseId, "Dừng", EngineHarness.StandingCommittee);
        await h.StartAsync("Phước Sơn");
        var before = await h.RowsAsync();

        await h.ExecuteAsync("DELETE FROM open_tasks; DELETE FROM case_summaries");
        Assert.Empty((await h.RowsAsync()).Cases);
        await using (var scope = await h.Store.BeginWriteAsync())
        {
            var result = await CaseReadModelProjection.RebuildAsync(scope, null, CancellationToken.None);
            await scope.CommitAsync();
            Assert.Equal(3, result.Cases);
        }

        var after = await h.RowsAsync();
        Assert.Equal(before.Cases, after.Cases);
        Assert.Equal(before.Tasks, after.Tasks);
        Assert.Equal(0, (await h.ReadModel.StatusAsync()).Lag);
    }

    [Fact]
    public async Task a_store_made_before_units_had_names_gets_the_column_and_every_unit_name_at_start_up()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var unit = await h.Engine.StartCaseAsync(CommuneUnit.Id, CommuneUnitForms.UnitInput(), EngineHarness.StandingCommittee);
        await h.StartAsync("Duy Xuyên");
        await h.ExecuteAsync("ALTER TABLE case_summaries DROP COLUMN unit_name");

        await h.Store.MigrateAsync();

        Assert.Equal("Xã số 001 (Lai Châu)", (await h.ReadModel.FindAsync(unit.CaseId))!.UnitName);
        Assert.Null(Assert.Single((await h.RowsAsync()).Cases).UnitName);
    }

    [Fact]
    public async Task campaign_progress_counts_a_provinces_live_units_formed_and_overdue_in_the_database()
    {
        await using var h = await ReadModelHarness.StartAsync(Backend);
        var progress = new CampaignProgressReadModel(h.Store);
        var input = CommuneUnitForms.UnitInput();
        var first = await h.Engine.StartCaseAsync(CommuneUnit.Id, input, EngineHarness.StandingCommittee);
        await h.Engine.CancelCaseAsync(first.CaseId, "Lập lại", EngineHarness.StandingCommittee);
        await h.Engine.StartCaseAsync(CommuneUnit.Id, input, EngineHarness.StandingCommittee);
        input["unit"] = "lai-chau-xa-002";
        await h.Engine.StartCaseAsync(CommuneUnit.Id, input, EngineHarness.StandingCommittee);
        await h.StartAsync("Duy Xuyên");

        // The plans were due by 15 May 2025; the harness clock stands in 2014, so nothing is overdue until 2025-05-16.
        var before = Assert.Single(await progress.ByProvinceAsync([CommuneUnit.Id], null, h.Clock.Now));
        var after = Assert.Single(await progress.ByProvinceAsync([CommuneUnit.Id], "Lai Châu", new DateTimeOffset(2025, 5, 16, 8, 0, 0, TimeSpan.FromHours(7))));
        var byStatus = await progress.ByStatusAsync([CommuneUnit.Id], "Lai Châu");
        var page = await progress.UnitsAsync([CommuneUnit.Id], "Lai Châu", 1, null);
        var next = await progress.UnitsAsync([CommuneUnit.Id], "Lai Châu", 1, page.NextCursor);

        Assert.Equal(new ProvinceProgressRow("Lai Châu", 2, 0, 0), before);
        Assert.Equal(new ProvinceProgressRow("Lai Châu", 2, 0, 2), after);
        Assert.Equal(2, Assert.Single(byStatus).Value);
        Assert.Equal(["lai-chau-xa-001", "lai-chau-xa-002"], page.Items.Concat(next.Items).Select(r => r.District));
        Assert.Null(next.NextCursor);
    }

    private static WorkflowDefinition CommuneUnit => EngineHarness.CopyOfShipped().ForCampaign(NationalCampaignLauncher.Plan);
}

public sealed class SqliteCaseReadModelTests : CaseReadModelContract
{
    protected override EventStoreBackend Backend => EventStoreBackend.Sqlite;
}

public sealed class PostgresCaseReadModelTests : CaseReadModelContract
{
    protected override EventStoreBackend Backend => EventStoreBackend.Postgres;
}
