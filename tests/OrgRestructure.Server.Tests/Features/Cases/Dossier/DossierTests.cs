using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Tests.Features.Cases.Dossier;

/// <summary>A whole pilot case (one vetting rejection and its correction per committee), run once for the dossier's readers.</summary>
public sealed class CompletedCaseHost : IAsyncLifetime
{
    public ServerHost Host { get; private set; } = null!;

    public string CaseId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(Host);
        CaseId = await Scenario.CaseIdAsync(Host);
        await Scenario.RunWholeCaseAsync(Host, CaseId);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The dossier as an API client reads it: who stood, the tallies with their rule's sentences, the vetting, the decision, the election.</summary>
public sealed class DossierTests(CompletedCaseHost fixture) : IClassFixture<CompletedCaseHost>
{
    private async Task<JsonObject> DossierAsync(string query = "")
    {
        using var api = await fixture.Host.ClientAsync("auditor");
        return (await api.GetFromJsonAsync<JsonObject>($"/api/cases/{fixture.CaseId}/dossier{query}"))!;
    }

    private static JsonObject Step(JsonObject committee, string stepId, bool current = true) =>
        committee["steps"]!.AsArray().Select(s => s!.AsObject()).Last(s => s["stepId"]!.GetValue<string>() == stepId && (!current || !s["superseded"]!.GetValue<bool>()));

    [Fact]
    public async Task the_dossier_names_who_stood_their_tallies_with_the_rules_sentence_and_who_was_appointed_to_what()
    {
        var committee = (await DossierAsync())["committees"]![0]!.AsObject();

        var slate = Step(committee, "slate")["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "candidates")!;
        Assert.Contains(slate["rows"]!.AsArray(), r => r![0]!["vi"]!.GetValue<string>() == "Trần Thị Bình");
        Assert.Equal("Bí thư", slate["rows"]![0]![1]!["vi"]!.GetValue<string>());
        var tally = Step(committee, "members-vote")["conference"]!["tallies"]!.AsArray().Single(t => t!["candidate"]!.GetValue<string>() == "Trần Thị Bình")!;
        Assert.Equal("Trần Thị Bình: 21/30 người được triệu tập (70,0%) > 1/2 → đạt", tally["sentence"]!["vi"]!.GetValue<string>());
        Assert.Equal(28, Step(committee, "members-vote")["conference"]!["ballotsIssued"]!.GetValue<int>());
        var decision = Step(committee, "decision")["decision"]!;
        Assert.Equal("123-QĐ/HU", decision["number"]!.GetValue<string>());
        Assert.Contains(decision["appointees"]!.AsArray(), a => a!["name"]!.GetValue<string>() == "Nguyễn Văn An" && a["positionLabel"]!["vi"]!.GetValue<string>() == "Bí thư");
        Assert.Equal("Nguyễn Văn An", Step(committee, "inspection-election")["election"]!["chair"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_first_vetting_keeps_its_rejection_with_the_reason_and_is_marked_redone()
    {
        var committee = (await DossierAsync())["committees"]![0]!.AsObject();

        var first = committee["steps"]!.AsArray().First(s => s!["stepId"]!.GetValue<string>() == "vetting")!;
        var rejected = first["verdicts"]!.AsArray().Single(v => v!["candidate"]!.GetValue<string>() == Scenario.Rejected)!;
        Assert.False(rejected["approved"]!.GetValue<bool>());
        Assert.Equal("Chưa đủ thời gian công tác", rejected["reason"]!.GetValue<string>());
        Assert.Equal("UBKT Duy Xuyên", rejected["byName"]!.GetValue<string>());
        Assert.True(first["superseded"]!.GetValue<bool>());
        Assert.Equal("slate", first["returned"]!["toStepId"]!.GetValue<string>());
        Assert.DoesNotContain(Step(committee, "vetting")["verdicts"]!.AsArray(), v => v!["candidate"]!.GetValue<string>() == Scenario.Rejected);
    }

    [Fact]
    public async Task the_dossier_at_a_version_before_the_decision_has_the_votes_but_no_decision()
    {
        using var api = await fixture.Host.ClientAsync("auditor");
        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/audit/{fixture.CaseId}/history"))!;
        var before = history.First(e => e!["type"]!.GetValue<string>() == "decision-recorded")!["version"]!.GetValue<long>() - 1;

        var dossier = await DossierAsync($"?version={before}");

        Assert.Equal(before, dossier["version"]!.GetValue<long>());
        var steps = dossier["committees"]![0]!["steps"]!.AsArray();
        Assert.DoesNotContain(steps, s => s!["decision"] is not null);
        Assert.Contains(steps, s => s!["conference"] is not null);
    }

    [Fact]
    public async Task the_csv_and_html_exports_of_a_past_point_carry_that_points_dossier_and_say_as_of_when()
    {
        using var api = await fixture.Host.ClientAsync("auditor");
        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/audit/{fixture.CaseId}/history"))!;
        // Before the decision's form was submitted: the event before the task-completed that precedes the first decision.
        var decided = history.IndexOf(history.First(e => e!["type"]!.GetValue<string>() == "decision-recorded"));
        var before = history.Take(decided).Last(e => e!["type"]!.GetValue<string>() == "task-completed")!["version"]!.GetValue<long>() - 1;

        var csv = await api.GetStringAsync($"/api/audit/{fixture.CaseId}/export?format=csv&version={before}");
        var html = await api.GetStringAsync($"/api/audit/{fixture.CaseId}/export?format=html&version={before}");
        var now = await api.GetStringAsync($"/api/audit/{fixture.CaseId}/export?format=csv");

        Assert.Contains("Trần Thị Bình: 21/30 người được triệu tập (70,0%) > 1/2 → đạt", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("123-QĐ/HU", csv, StringComparison.Ordinal);
        Assert.Equal(before, csv.Split("\nversion,", 2)[1].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Contains($"Tính đến sự kiện #{before}", html, StringComparison.Ordinal);
        Assert.Contains("In lúc", html, StringComparison.Ordinal);
        Assert.Contains("Chưa đủ thời gian công tác", html, StringComparison.Ordinal);
        Assert.Contains("\"Nguyễn Văn An\",\"Được chỉ định\",\"Bí thư\"", now, StringComparison.Ordinal);
    }
}

/// <summary>Under the override-with-reason policy the standing committee may appoint a failed candidate; the dossier says who and why.</summary>
public sealed class DossierOverrideTests
{
    [Fact]
    public async Task an_appointment_of_a_candidate_who_failed_the_members_vote_is_shown_with_who_decided_and_why()
    {
        await using var host = await ServerHost.StartAsync();
        var engine = host.Services.GetRequiredService<IWorkflowEngine>();
        var input = new JsonObject
        {
            ["province"] = "Quảng Nam",
            ["district"] = Scenario.District,
            ["committees"] = new JsonArray(new JsonObject { ["id"] = "dx-co-quan", ["name"] = "Đảng bộ Cơ quan Đảng huyện Duy Xuyên", ["blocs"] = new JsonArray("party-agencies"), ["organizations"] = new JsonArray("dx-huyen-uy"), ["members"] = 40 }),
            ["parameters"] = new JsonObject { ["failedCandidatePolicy"] = "override-with-reason" },
        };
        var caseId = (await engine.StartCaseAsync("party-committee-formation", input, new Actor("duyxuyen.thuongvu", "district-standing-committee", Scenario.District))).State.CaseId;
        var slate = Scenario.RevisedSlate;
        var failed = slate[4];
        await Scenario.ToDecisionWithAFailedCandidateAsync(host, caseId, slate, 4);
        var decision = Scenario.FormFor("decision", slate);
        decision["overrides"] = new JsonArray(new JsonObject { ["candidate"] = failed, ["decidedBy"] = "Bí thư Huyện ủy", ["reason"] = "Cần cán bộ có chuyên môn tài chính" });
        await Scenario.CompleteAsync(host, caseId, "decision", decision);

        using var board = await host.ClientAsync("duyxuyen.thuongvu");
        var dossier = (await board.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}/dossier"))!;
        var page = await board.GetStringAsync($"/cases/{caseId}");

        var step = dossier["committees"]![0]!["steps"]!.AsArray().Last(s => s!["stepId"]!.GetValue<string>() == "decision")!;
        var o = step["overrides"]!.AsArray().Single()!;
        Assert.Equal(failed, o["candidate"]!.GetValue<string>());
        Assert.Equal("Bí thư Huyện ủy", o["decidedBy"]!.GetValue<string>());
        Assert.Contains($"{failed}: 10/30", o["failures"]![0]!["vi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Chỉ định người không đạt ở bước trước", page, StringComparison.Ordinal);
        Assert.Contains("Cần cán bộ có chuyên môn tài chính", page, StringComparison.Ordinal);
    }
}
