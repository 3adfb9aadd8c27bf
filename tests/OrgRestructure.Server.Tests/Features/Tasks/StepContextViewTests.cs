using System.Text.Json.Nodes;
using OrgRestructure.Server.Features.Tasks;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Server.Tests.Features.Tasks;

public sealed class StepContextViewTests
{
    private static readonly WorkflowDefinition Formation =
        WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory).Get("party-committee-formation");

    private static JsonObject VettingContext() => JsonNode.Parse("""
        {
          "steps.members-vote.results": [
            { "candidate": "Nguyễn Văn An", "high": 31, "normal": 0, "low": 9, "invalid": 0, "passed": true,
              "explanation": { "vi": "Nguyễn Văn An: 31/45 người được triệu tập (68,9%) > 1/2 → đạt", "en": "Nguyễn Văn An: 31 of 45 summoned (68.9%) > 1/2 → passes" } },
            { "candidate": "Trần Thị Bình", "high": 20, "normal": 0, "low": 20, "invalid": 0, "passed": false,
              "explanation": { "vi": "Trần Thị Bình: 20/45 người được triệu tập (44,4%) < 1/2 → không đạt", "en": "Trần Thị Bình: 20 of 45 summoned (44.4%) < 1/2 → fails" } }
          ],
          "item.blocs": [ "party-agencies", "front-and-mass-organizations" ],
          "item.members": 47
        }
        """)!.AsObject();

    [Fact]
    public void vetting_reads_each_vote_outcome_as_the_rule_explained_it_not_as_json()
    {
        var entries = StepContextView.Describe(VettingContext(), Formation, english: false);

        var votes = entries.Single(e => e.Path == "steps.members-vote.results");
        Assert.StartsWith(Formation.Step("members-vote").Title.Vi, votes.Label, StringComparison.Ordinal);
        Assert.Equal(
            [new ContextLine("Nguyễn Văn An: 31/45 người được triệu tập (68,9%) > 1/2 → đạt", "pass"), new ContextLine("Trần Thị Bình: 20/45 người được triệu tập (44,4%) < 1/2 → không đạt", "fail")],
            votes.Lines);
    }

    [Fact]
    public void the_committee_facts_are_labelled_and_bloc_codes_are_words_in_the_page_language()
    {
        var vi = StepContextView.Describe(VettingContext(), Formation, english: false);
        var en = StepContextView.Describe(VettingContext(), Formation, english: true);

        Assert.Equal("Số đảng viên", vi.Single(e => e.Path == "item.members").Label);
        Assert.Equal([new ContextLine("47")], vi.Single(e => e.Path == "item.members").Lines);
        Assert.Equal(["Khối các cơ quan Đảng", "Khối Mặt trận, đoàn thể"], vi.Single(e => e.Path == "item.blocs").Lines.Select(l => l.Text));
        Assert.Equal(["Party-agencies bloc", "Front-and-mass-organizations bloc"], en.Single(e => e.Path == "item.blocs").Lines.Select(l => l.Text));
        Assert.EndsWith("result per candidate", en.Single(e => e.Path == "steps.members-vote.results").Label, StringComparison.Ordinal);
    }

    [Fact]
    public void a_path_the_view_does_not_know_is_shown_as_written()
    {
        var entries = StepContextView.Describe(new JsonObject { ["input.note"] = "x" }, definition: null, english: false);

        Assert.Equal("input.note", entries.Single().Label);
        Assert.Equal("x", entries.Single().Lines.Single().Text);
    }
}
