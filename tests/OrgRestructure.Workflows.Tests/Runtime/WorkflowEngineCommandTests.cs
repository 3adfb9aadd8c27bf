using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Runtime;

public sealed class WorkflowEngineCommandTests
{
    private static readonly Actor Clerk = new("clerk-1", "district-standing-committee");
    private static readonly Actor OtherClerk = new("clerk-2", "district-standing-committee");

    private static async Task<(FormationCase Case, WorkTask Slate)> SlateTaskAsync()
    {
        var c = await FormationCase.StartAsync();
        return (c, EngineHarness.OpenTaskAt(await c.StateAsync(), "slate"));
    }

    [Fact]
    public async Task a_repeated_command_is_answered_with_its_first_result_and_not_applied_twice()
    {
        var (c, slate) = await SlateTaskAsync();
        var options = new CommandOptions(CommandId: "cmd-slate-1");

        var first = await c.Harness.Engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), Clerk, options);
        var again = await c.Harness.Engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), Clerk, options);

        Assert.False(first.WasDuplicate);
        Assert.True(again.WasDuplicate);
        Assert.Equal((first.FromVersion, first.Version), (again.FromVersion, again.Version));
        Assert.Equal(first.EventTypes, again.EventTypes);
        Assert.Equal(first.Version, await c.VersionAsync());
    }

    [Fact]
    public async Task completing_a_task_twice_without_a_command_id_is_refused_as_a_conflict()
    {
        var (c, slate) = await SlateTaskAsync();
        await c.Harness.Engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), Clerk);
        var version = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowConflict>(() => c.Harness.Engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), Clerk));

        Assert.Equal("task-not-open", ex.Code);
        Assert.Equal(409, ex.StatusHint);
        Assert.Equal(version, await c.VersionAsync());
    }

    [Fact]
    public async Task a_stale_expected_version_surfaces_as_a_concurrency_exception()
    {
        var (c, slate) = await SlateTaskAsync();
        var seen = await c.VersionAsync();
        await c.Harness.Engine.ClaimTaskAsync(c.CaseId, slate.Id, Clerk);

        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            c.Harness.Engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), Clerk, new CommandOptions(ExpectedVersion: seen)));
    }

    [Fact]
    public async Task a_claimed_task_can_only_be_completed_by_its_holder_until_released_or_reassigned()
    {
        var (c, slate) = await SlateTaskAsync();
        var engine = c.Harness.Engine;

        var claimed = await engine.ClaimTaskAsync(c.CaseId, slate.Id, Clerk);
        Assert.Equal("clerk-1", claimed.State.Tasks[slate.Id].Assignee);
        var ex = await Assert.ThrowsAsync<TaskNotAllowed>(() => engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), OtherClerk));
        Assert.Equal("task-claimed-by-other", ex.Code);

        var released = await engine.ReleaseTaskAsync(c.CaseId, slate.Id, Clerk);
        Assert.Null(released.State.Tasks[slate.Id].Assignee);
        var reassigned = await engine.ReassignTaskAsync(c.CaseId, slate.Id, "clerk-2", null, "Đồng chí 1 đi công tác", Clerk);
        Assert.Equal("clerk-2", reassigned.State.Tasks[slate.Id].Assignee);
        await Assert.ThrowsAsync<TaskNotAllowed>(() => engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), Clerk));
        var done = await engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), OtherClerk);
        Assert.Equal("clerk-2", done.State.Tasks[slate.Id].CompletedBy);
    }

    [Fact]
    public async Task a_role_outside_the_candidate_groups_may_not_work_the_task()
    {
        var (c, slate) = await SlateTaskAsync();

        var ex = await Assert.ThrowsAsync<TaskNotAllowed>(() => c.Harness.Engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), new Actor("m1", "party-member")));

        Assert.Equal(403, ex.StatusHint);
    }

    [Fact]
    public async Task a_suspended_case_refuses_work_until_resumed()
    {
        var (c, slate) = await SlateTaskAsync();
        var engine = c.Harness.Engine;

        await engine.SuspendAsync(c.CaseId, "Chờ ý kiến Tỉnh ủy", Clerk);
        await Assert.ThrowsAsync<CaseNotActive>(() => engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), Clerk));
        await engine.ResumeAsync(c.CaseId, Clerk);
        var done = await engine.CompleteTaskAsync(c.CaseId, slate.Id, FormData.Slate(FormationDriver.Slate), Clerk);

        Assert.Equal(CaseStatus.Running, done.State.Status);
        Assert.Equal("members-vote", done.State.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task cancelling_a_case_cancels_its_open_tasks_and_records_the_reason()
    {
        var (c, slate) = await SlateTaskAsync();

        var cancelled = await c.Harness.Engine.CancelCaseAsync(c.CaseId, "Thay đổi chủ trương", Clerk);

        Assert.Equal(CaseStatus.Cancelled, cancelled.State.Status);
        Assert.Equal("Thay đổi chủ trương", cancelled.State.Reason);
        Assert.Equal(WorkTaskStatus.Cancelled, cancelled.State.Tasks[slate.Id].Status);
        await Assert.ThrowsAsync<CaseNotActive>(() => c.Harness.Engine.CancelCaseAsync(c.CaseId, "lần nữa", Clerk));
        var noReason = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.Harness.Engine.SuspendAsync(c.CaseId, " ", Clerk));
        Assert.Equal("reason", noReason.Problems.Single().Field);
    }

    [Fact]
    public async Task return_to_step_goes_back_only_to_a_completed_step_and_keeps_history()
    {
        var c = await FormationCase.StartAsync();
        await c.AtBlocVoteAsync();

        await Assert.ThrowsAsync<StepNotCurrent>(() => c.Harness.Engine.ReturnToStepAsync(c.CaseId, c.BranchId, "vetting", "chưa tới", Clerk));
        var returned = await c.Harness.Engine.ReturnToStepAsync(c.CaseId, c.BranchId, "slate", "Bổ sung nhân sự nữ", Clerk);

        var branch = returned.State.Branches[c.BranchId];
        Assert.Equal("slate", branch.CurrentStepId);
        Assert.DoesNotContain("members-vote", branch.CompletedSteps);
        Assert.Single(returned.State.Tasks.Values, t => t.StepId == "bloc-vote" && t.Status == WorkTaskStatus.Cancelled);
        Assert.Contains(returned.State.History, h => h.Kind == "step-completed" && h.StepId == "members-vote");
    }

    [Fact]
    public async Task a_start_retried_with_the_same_command_id_returns_the_same_case()
    {
        var harness = new EngineHarness();
        var input = FormData.FormationInput(FormData.Committee("c1", "Đảng bộ 1", 40));

        var first = await harness.Engine.StartCaseAsync("party-committee-formation", input, Clerk, new CommandOptions("start-duy-xuyen"));
        var again = await harness.Engine.StartCaseAsync("party-committee-formation", input, Clerk, new CommandOptions("start-duy-xuyen"));

        Assert.Equal(first.CaseId, again.CaseId);
        Assert.True(again.WasDuplicate);
        Assert.Single(await harness.Store.ListStreamsAsync());
    }

    [Fact]
    public async Task a_parameter_with_options_takes_only_one_of_them_and_the_refusal_names_them_in_words()
    {
        var harness = new EngineHarness();
        var input = FormData.FormationInput(FormData.Committee("c1", "Đảng bộ 1", 45));
        input["parameters"] = new JsonObject { ["failedCandidatePolicy"] = "always-appoint" };

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => harness.Engine.StartCaseAsync("party-committee-formation", input, Clerk));

        var problem = Assert.Single(ex.Problems, p => p.Field == "parameters.failedCandidatePolicy");
        Assert.Equal("A candidate who failed a confidence vote or vetting: must be one of: Cannot be appointed; The standing committee may still appoint, recording who decided and why", problem.En);
        Assert.StartsWith("Người không đạt ở bước lấy phiếu tín nhiệm hoặc thẩm định: phải là một trong: Không được chỉ định", problem.Vi, StringComparison.Ordinal);
        Assert.Empty(await harness.Store.ListStreamsAsync());
    }

    [Fact]
    public async Task start_input_is_checked_against_the_definition_with_field_paths()
    {
        var harness = new EngineHarness();
        var input = FormData.FormationInput(FormData.Committee("c1", "Đảng bộ 1", -3));
        input.Remove("district");
        input["parameters"] = new JsonObject { ["confidenceQuorum"] = 2, ["noSuchRule"] = 1 };

        var paramEx = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => harness.Engine.StartCaseAsync("party-committee-formation", input, Clerk));
        input.Remove("parameters");
        var inputEx = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => harness.Engine.StartCaseAsync("party-committee-formation", input, Clerk));

        Assert.Contains(paramEx.Problems, p => p.Field == "parameters.confidenceQuorum" && p.En == "must be of type fraction");
        Assert.Contains(paramEx.Problems, p => p.Field == "parameters.noSuchRule");
        Assert.Contains(inputEx.Problems, p => p.Field == "district" && p.En == "is required");
        Assert.Contains(inputEx.Problems, p => p.Field == "committees[0].members" && p.En == "must be at least 0");
        Assert.Empty(await harness.Store.ListStreamsAsync());
    }

    [Fact]
    public async Task a_case_can_be_read_as_it_was_at_an_earlier_version()
    {
        var c = await FormationCase.StartAsync();
        var startVersion = await c.VersionAsync();
        await c.CompleteAsync("slate", FormData.Slate(FormationDriver.Slate));

        var then = await c.Harness.Engine.GetCaseAtAsync(c.CaseId, startVersion);
        var now = await c.StateAsync();

        Assert.Equal(startVersion, then.Version);
        Assert.Equal("slate", then.Branches[c.BranchId].CurrentStepId);
        Assert.Equal("members-vote", now.Branches[c.BranchId].CurrentStepId);
    }

    [Fact]
    public async Task open_tasks_are_listed_by_role_across_cases()
    {
        var harness = new EngineHarness();
        await FormationCase.StartAsync(harness: harness);
        await FormationCase.StartAsync(harness: harness);

        var forStanding = await harness.Engine.ListOpenTasksAsync(new TaskQuery(Role: "district-standing-committee"));
        var forBoard = await harness.Engine.ListOpenTasksAsync(new TaskQuery(Role: "district-organization-board"));
        var forMembers = await harness.Engine.ListOpenTasksAsync(new TaskQuery(Role: "party-member"));

        Assert.Equal(2, forStanding.Count);
        Assert.Equal(2, forBoard.Count);
        Assert.Empty(forMembers);
        Assert.Equal(2, forStanding.Select(t => t.CaseId).Distinct().Count());
    }
}
