using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Features.Tasks;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Tasks;

/// <summary>Step 7's form shows, before it is sent, who the election fills the seats with and whether the chair is among them.</summary>
public sealed class ElectionPreviewTests
{
    private static readonly ElectionPreviewRow[] Votes =
    [
        new("Nguyễn Văn An", 5), new("Trần Thị Bình", 4), new("Lê Văn Cường", 2), new("Phạm Thị Dung", 3),
    ];

    [Fact]
    public void election_preview_elects_those_over_half_of_the_summoned_best_first()
    {
        var preview = ElectionPreview.Evaluate(3, 5, 5, 5, 5, Votes, "Nguyễn Văn An");

        Assert.True(preview.Valid);
        Assert.Equal(["Nguyễn Văn An", "Trần Thị Bình", "Phạm Thị Dung"], preview.Candidates.Where(c => c.Passes).Select(c => c.Candidate));
        Assert.Contains("Lê Văn Cường: 2/5", Assert.Single(preview.Candidates, c => !c.Passes).ExplanationVi, StringComparison.Ordinal);
        Assert.Contains("chủ nhiệm: Nguyễn Văn An", preview.ExplanationVi, StringComparison.Ordinal);
    }

    [Fact]
    public void election_preview_refuses_a_chair_who_was_not_elected_and_too_many_candidates()
    {
        var notElected = ElectionPreview.Evaluate(3, 5, 5, 5, 5, Votes, "Lê Văn Cường");
        var tooMany = ElectionPreview.Evaluate(3, 5, 5, 5, 5, [.. Votes, new("Võ Thị Hoa", 1)], null);

        Assert.False(notElected.Valid);
        Assert.Contains("Lê Văn Cường was not elected, so cannot be the chair", notElected.ExplanationEn, StringComparison.Ordinal);
        Assert.False(tooMany.Valid);
        Assert.Contains("not allowed", tooMany.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void election_preview_checks_the_ballots_add_up_first()
    {
        var preview = ElectionPreview.Evaluate(3, 5, 5, 4, 5, Votes, null);

        Assert.False(preview.Valid);
        Assert.Empty(preview.Candidates);
        Assert.Contains("ballots returned (5) exceeds ballots issued (4)", preview.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task election_preview_endpoint_asks_for_the_seats_and_computes_without_recording()
    {
        await using var host = await ServerHost.StartAsync();
        using var clerk = await host.ClientAsync("duyxuyen.bantochuc");
        var before = await host.TotalEventsAsync();

        using var missing = await clerk.PostAsJsonAsync("/api/tasks/preview-election", new { summoned = 5, present = 5 });
        using var ok = await clerk.PostAsJsonAsync("/api/tasks/preview-election", new { seats = 3, summoned = 5, present = 5, ballotsIssued = 5, ballotsReturned = 5, candidates = Votes.Select(v => new { name = v.Name, votes = v.Votes }), chair = "Nguyễn Văn An" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("seats"));
        var outcome = (await ok.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(outcome["valid"]!.GetValue<bool>());
        Assert.Equal(3, outcome["candidates"]!.AsArray().Count(c => c!["passes"]!.GetValue<bool>()));
        Assert.Equal(before, await host.TotalEventsAsync());
    }
}
