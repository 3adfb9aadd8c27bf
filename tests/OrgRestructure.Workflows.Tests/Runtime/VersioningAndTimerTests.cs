using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Runtime;

public sealed class VersioningAndTimerTests
{
    private static readonly Actor Board = EngineHarness.OrganizationBoard;

    [Fact]
    public async Task publishing_version_2_does_not_change_a_case_started_on_version_1()
    {
        var harness = new EngineHarness();
        var c = await FormationCase.StartAsync(harness: harness);
        var published = harness.Registry.Get("party-committee-formation");
        var json = JsonNode.Parse(File.ReadAllText(published.SourceFile))!.AsObject();
        json["version"] = published.Version + 1;
        var body = json["steps"]![0]!["body"]!.AsArray();
        body.RemoveAt(body.ToList().FindIndex(s => s!["id"]!.GetValue<string>() == "invite-members"));
        harness.Registry.Register(TestDefinitions.Read(json.ToJsonString(), "party-committee-formation.v2.json"));

        var old = await c.CompleteAsync("slate", FormData.Slate(FormationDriver.Slate));
        var fresh = await FormationCase.StartAsync(harness: harness);
        var freshState = await fresh.CompleteAsync("slate", FormData.Slate(FormationDriver.Slate));

        Assert.Equal(published.Version, old.DefinitionVersion);
        Assert.Contains("invite-members", old.Branches[c.BranchId].CompletedSteps);
        Assert.Equal(published.Version + 1, freshState.DefinitionVersion);
        Assert.DoesNotContain("invite-members", freshState.Branches[fresh.BranchId].CompletedSteps);
    }

    [Fact]
    public async Task editing_a_published_version_in_place_is_refused_for_running_cases()
    {
        var shipped = EngineHarness.CopyOfShipped().Get("party-committee-formation");
        var registry = new WorkflowDefinitionRegistry();
        registry.Register(shipped);
        var harness = new EngineHarness(registry);
        var c = await FormationCase.StartAsync(harness: harness);
        var edited = new WorkflowDefinitionRegistry();
        edited.Register(shipped with { Hash = "edited" });
        var engine = new WorkflowEngine(harness.Store, edited, harness.Clock);
        var task = EngineHarness.OpenTaskAt(await c.StateAsync(), "slate");

        var ex = await Assert.ThrowsAsync<WorkflowConflict>(() => engine.CompleteTaskAsync(c.CaseId, task.Id, FormData.Slate(FormationDriver.Slate), EngineHarness.StandingCommittee));

        Assert.Equal("definition-changed", ex.Code);
    }

    [Fact]
    public async Task reminders_come_before_the_due_date_and_escalation_after_it_each_once()
    {
        var c = await FormationCase.StartAsync();
        var engine = c.Harness.Engine;
        var task = EngineHarness.OpenTaskAt(await c.StateAsync(), "slate");
        // 15 working days from Monday 1 September 2014; Tuesday 2 September is National Day.
        Assert.Equal(new DateTimeOffset(2014, 9, 23, 8, 0, 0, TimeSpan.FromHours(7)), task.DueAt);

        var early = await engine.FireDueTimersAsync(c.CaseId, task.RemindAt!.Value.AddMinutes(-1));
        var remind = await engine.FireDueTimersAsync(c.CaseId, task.RemindAt!.Value);
        var remindAgain = await engine.FireDueTimersAsync(c.CaseId, task.RemindAt!.Value.AddHours(1));
        var missed = await engine.FireDueTimersAsync(c.CaseId, task.DueAt!.Value.AddHours(1));
        var missedAgain = await engine.FireDueTimersAsync(c.CaseId, task.DueAt!.Value.AddDays(1));

        Assert.Empty(early.EventTypes);
        Assert.Equal(["deadline-approaching", "notification-requested"], remind.EventTypes);
        Assert.Empty(remindAgain.EventTypes);
        Assert.Equal(["deadline-missed", "task-reassigned", "notification-requested"], missed.EventTypes);
        Assert.Empty(missedAgain.EventTypes);
        var state = missed.State;
        Assert.True(state.Tasks[task.Id].Overdue);
        Assert.Equal("province-organization-board", state.Tasks[task.Id].AssigneeRole);
        Assert.Contains(state.Notifications, n => n.Template == "deadline-missed" && n.RecipientRoles.Contains("province-organization-board"));
    }

    [Fact]
    public async Task a_timer_waits_until_fired_and_a_join_any_cancels_the_other_branches()
    {
        var registry = new WorkflowDefinitionRegistry();
        registry.Register(TestDefinitions.Read(TestDefinitions.TimerAndAnyJoin));
        var harness = new EngineHarness(registry);
        var started = await harness.Engine.StartCaseAsync("timer-and-any", new JsonObject { ["offices"] = new JsonArray("Văn phòng", "Nội vụ", "Tư pháp") }, Board);
        Assert.Single(started.State.Timers);
        Assert.Empty(started.State.OpenTasks);

        var before = await harness.Engine.FireDueTimersAsync(DateTimeOffset.Parse("2014-09-03T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));
        var fired = await harness.Engine.FireDueTimersAsync(DateTimeOffset.Parse("2014-09-04T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(before);
        var state = Assert.Single(fired).State;
        Assert.Equal(3, state.OpenTasks.Count());

        var second = state.OpenTasks.Single(t => t.BranchId == "ask[1]");
        var done = await harness.Engine.CompleteTaskAsync(started.CaseId, second.Id, new JsonObject { ["ok"] = true }, new Actor("o1", "office"));

        Assert.Equal(CaseStatus.Completed, done.State.Status);
        Assert.Equal(BranchStatus.Completed, done.State.Branches["ask[1]"].Status);
        Assert.Equal(BranchStatus.Cancelled, done.State.Branches["ask[0]"].Status);
        Assert.Equal(2, done.State.Tasks.Values.Count(t => t.Status == WorkTaskStatus.Cancelled));
        Assert.Equal(EngineHarness.Snapshot(done.State), EngineHarness.Snapshot(await harness.ReplayAsync(started.CaseId)));
    }
}
