using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Server.Features.Tasks;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Tasks;

/// <summary>The head decides a candidate exactly at the threshold, and only then: the form asks for it by name and never presets the verdict.</summary>
public sealed class HeadDecisionTests
{
    private static readonly string AtThreshold = Scenario.Slate[1];

    /// <summary>The members' vote with <see cref="AtThreshold"/> at 15 of 30 summoned (exactly 50%), the others above.</summary>
    private static JsonObject VoteWithATie()
    {
        var vote = Scenario.FormFor("members-vote", Scenario.Slate);
        vote["tallies"]![1]!["high"] = 15;
        vote["tallies"]![1]!["low"] = 13;
        return vote;
    }

    [Fact]
    public void the_form_keeps_a_head_decision_row_only_for_the_candidate_at_the_threshold_with_no_verdict()
    {
        var values = VoteWithATie();
        values["headDecisions"] = new JsonArray(
            new JsonObject { ["candidate"] = Scenario.Slate[0], ["decidedBy"] = "Bí thư", ["reason"] = "nhập nhầm" });

        TaskForm.KeepHeadDecisionsAtThreshold(values, RuleParameters.Default);

        var row = Assert.Single(values["headDecisions"]!.AsArray())!.AsObject();
        Assert.Equal(AtThreshold, row["candidate"]!.GetValue<string>());
        Assert.False(row.ContainsKey("passed"));
    }

    [Fact]
    public void the_form_has_no_head_decision_rows_before_the_figures_or_when_nobody_is_at_the_threshold()
    {
        var blank = new JsonObject { ["tallies"] = new JsonArray(new JsonObject { ["candidate"] = AtThreshold }) };
        var clear = Scenario.FormFor("members-vote", Scenario.Slate);

        TaskForm.KeepHeadDecisionsAtThreshold(blank, RuleParameters.Default);
        TaskForm.KeepHeadDecisionsAtThreshold(clear, RuleParameters.Default);

        Assert.False(blank.ContainsKey("headDecisions"));
        Assert.False(clear.ContainsKey("headDecisions"));
    }

    [Fact]
    public async Task a_head_decision_without_a_verdict_is_refused_naming_the_candidate_and_nothing_is_recorded()
    {
        await using var host = await ServerHost.StartAsync();
        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var caseId = await Scenario.LaunchOneCommitteeAsync(board, 45, ["dx-ubnd", "dx-phong-tai-chinh"]);
        await Scenario.CompleteAsync(host, caseId, "slate", Scenario.FormFor("slate", Scenario.Slate));
        using var clerk = await host.ClientAsync("duyxuyen.bantochuc");
        var task = Assert.Single(await Scenario.OpenTasksAsync(clerk, caseId, "members-vote"));
        var vote = VoteWithATie();
        vote["headDecisions"] = new JsonArray(new JsonObject { ["candidate"] = AtThreshold, ["decidedBy"] = "Bí thư Huyện ủy", ["reason"] = "Cân nhắc cơ cấu" });
        var before = await host.TotalEventsAsync();

        using var refused = await clerk.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{task}/complete", new { data = vote });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains($"Chưa chọn quyết định của người đứng đầu (Đạt hay Không đạt) cho {AtThreshold}: 15/30", problem["messageVi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"No verdict of the head (passes or fails) is chosen for {AtThreshold}: 15 of 30", problem["messageEn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("headDecisions[0].passed"));
        Assert.Equal(before, await host.TotalEventsAsync());

        vote["headDecisions"]![0]!["passed"] = false;
        using var decided = await clerk.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{task}/complete", new { data = vote });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
    }
}
