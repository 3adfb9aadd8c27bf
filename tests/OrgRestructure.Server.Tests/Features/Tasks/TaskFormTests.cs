using System.Text.Json.Nodes;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.Server.Features.Tasks;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Tests.Features.Tasks;

/// <summary>Each round starts from the current round: what a task form is pre-filled with after a vetting rejection.</summary>
public sealed class TaskFormTests
{
    private static readonly Actor StandingCommittee = new("bt", "district-standing-committee");
    private static readonly Actor Board = new("btc", "district-organization-board");
    private static readonly Actor Inspection = new("ubkt", "district-inspection-committee");

    private static async Task<(WorkflowEngine Engine, CaseState State)> SecondRoundAsync(bool reviseSlate = true)
    {
        var engine = new WorkflowEngine(new InMemoryEventStore(), WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory));
        var input = JsonNode.Parse("""
            { "district": "Duy Xuyên", "committees": [ { "id": "dx-gov", "name": "Đảng bộ Khối Chính quyền", "blocs": ["government"], "organizations": ["a", "b"], "members": 45 } ] }
            """)!.AsObject();
        var state = (await engine.StartCaseAsync("party-committee-formation", input, StandingCommittee)).State;
        async Task Complete(string step, JsonObject data, Actor actor) =>
            state = (await engine.CompleteTaskAsync(state.CaseId, state.OpenTasks.Single(t => t.StepId == step).Id, data, actor)).State;

        await Complete("slate", Scenario.FormFor("slate", Scenario.Slate), StandingCommittee);
        var vote = Scenario.FormFor("members-vote", Scenario.Slate);
        vote["tallies"]![0]!["high"] = 15;
        vote["tallies"]![0]!["low"] = 13;
        vote["headDecisions"] = new JsonArray(new JsonObject { ["candidate"] = Scenario.Slate[0], ["passed"] = true, ["decidedBy"] = "Bí thư Huyện ủy", ["reason"] = "Cân nhắc cơ cấu" });
        await Complete("members-vote", vote, Board);
        await Complete("bloc-vote", Scenario.FormFor("bloc-vote", Scenario.Slate), Board);
        await Complete("vetting", Scenario.FormFor("vetting", Scenario.Slate, reject: true), Inspection);
        if (reviseSlate)
        {
            await Complete("slate", Scenario.FormFor("slate", Scenario.RevisedSlate), StandingCommittee);
        }

        return (engine, state);
    }

    [Fact]
    public async Task a_second_round_vote_starts_from_the_current_slate_with_no_earlier_figures_or_head_decision()
    {
        var (_, state) = await SecondRoundAsync();

        var values = TaskForm.Prefill(state, state.OpenTasks.Single(t => t.StepId == "members-vote"));

        var rows = values["tallies"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(Scenario.RevisedSlate, rows.Select(r => r["candidate"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.Single(r));
        Assert.False(values.ContainsKey("headDecisions"));
        Assert.False(values.ContainsKey("summoned"));
        Assert.DoesNotContain(Scenario.Rejected, values.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_returned_slate_is_offered_for_revision_and_its_task_names_the_rejection()
    {
        var (_, state) = await SecondRoundAsync(reviseSlate: false);
        var revised = state.OpenTasks.Single(t => t.StepId == "slate");

        var values = TaskForm.Prefill(state, revised);

        Assert.Equal(Scenario.Rejected, values["candidates"]![4]!["name"]!.GetValue<string>());
        Assert.Equal([Scenario.Rejected], revised.Context["returned"]!["candidates"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("Chưa đủ thời gian công tác", revised.Context["returned"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(state.Tasks.Values.First(t => t.StepId == "slate").Context["returned"]);
    }

    [Fact]
    public async Task a_second_round_vetting_form_presets_no_verdict_and_carries_no_old_reason()
    {
        var (engine, state) = await SecondRoundAsync();
        state = (await engine.CompleteTaskAsync(state.CaseId, state.OpenTasks.Single(t => t.StepId == "members-vote").Id, Scenario.FormFor("members-vote", Scenario.RevisedSlate), Board)).State;
        state = (await engine.CompleteTaskAsync(state.CaseId, state.OpenTasks.Single(t => t.StepId == "bloc-vote").Id, Scenario.FormFor("bloc-vote", Scenario.RevisedSlate), Board)).State;

        var values = TaskForm.Prefill(state, state.OpenTasks.Single(t => t.StepId == "vetting"));

        var rows = values["verdicts"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(Scenario.RevisedSlate, rows.Select(r => r["candidate"]!.GetValue<string>()));
        Assert.All(rows, r => Assert.False(r.ContainsKey("approved") || r.ContainsKey("reason")));
    }
}
