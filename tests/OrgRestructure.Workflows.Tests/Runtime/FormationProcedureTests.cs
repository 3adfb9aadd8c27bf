using OrgRestructure.Workflows.State;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Runtime;

public sealed class FormationProcedureTests
{
    [Fact]
    public async Task seven_steps_run_end_to_end_for_a_quang_nam_district_one_committee_per_branch()
    {
        var harness = new EngineHarness();
        var input = Survey.FormationInputFor("Duy Xuyên");
        var started = await harness.Engine.StartCaseAsync("party-committee-formation", input, EngineHarness.StandingCommittee);
        var caseId = started.CaseId;
        var committees = input["committees"]!.AsArray().Count;
        var branches = started.State.Branches.Values.Where(b => b.ForEachStepId == "committees").ToList();
        Assert.Equal(3, committees);
        Assert.Equal(committees, branches.Count);
        Assert.All(branches, b => Assert.Equal("slate", b.CurrentStepId));
        Assert.Equal(committees, started.State.OpenTasks.Count(t => t.StepId == "slate"));

        var driver = new FormationDriver(harness, caseId);
        var number = 100;
        foreach (var branch in branches)
        {
            await driver.ThroughVettingAsync(branch.Id);
            await driver.FromDecisionAsync(branch.Id, $"{number++}-QĐ/HU");
        }

        var final = await harness.Engine.GetCaseAsync(caseId);
        Assert.Equal(CaseStatus.Completed, final.Status);
        Assert.All(branches, b => Assert.Equal(BranchStatus.Completed, final.Branches[b.Id].Status));
        Assert.All(branches, b => Assert.Single(final.Branches[b.Id].Decisions));
        Assert.Equal(
            ["size-check", "slate", "invite-members", "members-vote", "bloc-vote", "vetting", "decision", "announcement", "notify-announced", "inspection-election", "first-meeting"],
            final.Branches[branches[0].Id].CompletedSteps);
        Assert.Contains(final.Notifications, n => n.Template == "district-completed");
        Assert.Empty(final.OpenTasks);
        Assert.Equal(EngineHarness.Snapshot(final), EngineHarness.Snapshot(await harness.ReplayAsync(caseId)));
    }
}
