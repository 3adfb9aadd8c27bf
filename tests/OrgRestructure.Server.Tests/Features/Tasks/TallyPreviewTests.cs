using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Server.Features.Tasks;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Tests.Features.Tasks;

/// <summary>The live outcome shown while a tally is typed goes through the same rules, with the same parameters, as the submission.</summary>
public sealed class TallyPreviewTests
{
    private static CaseState CaseWithConference(string quorum, string passThreshold)
    {
        var state = new CaseState();
        var task = new WorkTask();
        task.Context["quorum"] = quorum;
        task.Context["passThreshold"] = passThreshold;
        state.Tasks["task-002"] = task;
        return state;
    }

    private static TallyPreviewRow Row(string name, int high, int low) => new(name, high, 0, low, 0);

    [Fact]
    public void preview_uses_the_quorum_and_pass_threshold_the_case_set_for_the_conference()
    {
        var rules = TallyPreview.RulesOf(CaseWithConference("3/4", "60%"), "task-002");
        var rows = new[] { Row("Nguyễn Văn An", 17, 5) };

        var byDefault = TallyPreview.Evaluate(30, 22, 22, 22, rows);
        var byCase = TallyPreview.Evaluate(30, 22, 22, 22, rows, rules);
        var quorumMet = TallyPreview.Evaluate(30, 23, 23, 23, [Row("Nguyễn Văn An", 17, 6)], rules);

        Assert.True(byDefault.Valid);
        Assert.True(Assert.Single(byDefault.Candidates).Passes);
        Assert.False(byCase.Valid);
        Assert.Contains("3/4", byCase.ExplanationEn, StringComparison.Ordinal);
        Assert.True(quorumMet.Valid);
        // 17 of 30 is 56.7%: above the default half, not above the case's 60%.
        Assert.False(Assert.Single(quorumMet.Candidates).Passes);
    }

    [Fact]
    public void preview_shows_a_count_that_does_not_add_up_as_the_submission_would_refuse_it()
    {
        var preview = TallyPreview.Evaluate(30, 28, 28, 28, [Row("Nguyễn Văn An", 20, 7)]);
        var submitted = TallyConsistencyRule.Check(new ConferenceTally(30, 28, 28, [new CandidateTally("Nguyễn Văn An", 20, 0, 7, 0)], 28));

        Assert.False(preview.Valid);
        Assert.Empty(preview.Candidates);
        Assert.Equal(submitted.Explanation.En, preview.ExplanationEn);
        Assert.Contains("≠ 28 ballots returned", preview.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void preview_does_not_check_the_sum_while_a_row_is_still_being_typed()
    {
        var preview = TallyPreview.Evaluate(30, 28, 28, 28, [new TallyPreviewRow("Nguyễn Văn An", 20, null, null, null)]);

        Assert.True(preview.Valid);
        Assert.True(Assert.Single(preview.Candidates).Passes);
    }

    [Fact]
    public void preview_for_a_task_the_case_does_not_have_is_not_found()
    {
        Assert.Throws<RequestRejectedException>(() => TallyPreview.RulesOf(CaseWithConference("2/3", "50%"), "task-999"));
    }

    [Fact]
    public async Task preview_of_a_task_checks_returned_ballots_against_issued_like_the_submission()
    {
        await using var host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        await Scenario.CompleteAsync(host, caseId, "slate", Scenario.FormFor("slate", Scenario.Slate));
        using var clerk = await host.ClientAsync("duyxuyen.bantochuc");
        var task = (await Scenario.OpenTasksAsync(clerk, caseId, "members-vote"))[0];
        var rows = Scenario.Slate.Select(n => new { candidate = n, high = 21, normal = 0, low = 7, invalid = 0 }).ToArray();

        var ok = await clerk.PostAsJsonAsync("/api/tasks/preview-tally", new { caseId, taskId = task, summoned = 30, present = 28, ballotsIssued = 28, ballotsReturned = 28, tallies = rows });
        var tooMany = await clerk.PostAsJsonAsync("/api/tasks/preview-tally", new { caseId, taskId = task, summoned = 30, present = 28, ballotsIssued = 27, ballotsReturned = 28, tallies = rows });
        var elsewhere = await clerk.PostAsJsonAsync("/api/tasks/preview-tally", new { caseId, taskId = "task-999", summoned = 30, present = 28, tallies = rows });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var passed = (await ok.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(passed["valid"]!.GetValue<bool>());
        Assert.Equal(Scenario.Slate.Length, passed["candidates"]!.AsArray().Count(c => c!["passes"]!.GetValue<bool>()));
        var refused = (await tooMany.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(refused["valid"]!.GetValue<bool>());
        Assert.Contains("ballots returned (28) exceeds ballots issued (27)", refused["explanationEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
