using System.Text.Json.Nodes;
using System.Xml.Linq;
using OrgRestructure.EventStore.InMemory;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Tests.Workflows;

public sealed class WorkflowsDiagramCommandTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task diagram_prints_well_formed_svg_with_every_step_in_both_languages()
    {
        var (code, output, error) = await WorkflowsValidateCommandTests.RunAsync("workflows", "diagram", "party-committee-formation");

        Assert.True(code == 0, error);
        var svg = XDocument.Parse(output).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.Contains("Bước 2: Hội nghị đảng viên lấy phiếu tín nhiệm", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Step 7: Executive committee elects the inspection committee", StringComparison.Ordinal));
        Assert.Equal(14, svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("data-step") is not null));
    }

    [Fact]
    public async Task diagram_with_a_case_state_highlights_the_current_step_and_marks_completed_ones()
    {
        var registry = WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory);
        var engine = new WorkflowEngine(new InMemoryEventStore(), registry);
        var input = new JsonObject
        {
            ["district"] = "Thăng Bình",
            ["committees"] = new JsonArray(new JsonObject { ["id"] = "tb-gov", ["name"] = "Đảng bộ Khối Chính quyền Thăng Bình", ["blocs"] = new JsonArray("government"), ["organizations"] = new JsonArray("tb-1"), ["members"] = 64 }),
        };
        var started = await engine.StartCaseAsync("party-committee-formation", input, new Actor("bt", "district-standing-committee"));
        var path = Path.Combine(Path.GetTempPath(), $"case-state-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, CaseStreamFolder.ToJson(started.State));
        try
        {
            var (code, output, error) = await WorkflowsValidateCommandTests.RunAsync("workflows", "diagram", "party-committee-formation", "--case-state", path);

            Assert.True(code == 0, error);
            var groups = XDocument.Parse(output).Root!.Descendants(Svg + "g").ToDictionary(g => (string)g.Attribute("data-step")!, g => (string)g.Attribute("class")!);
            Assert.Equal("step current", groups["slate"]);
            Assert.Equal("step completed", groups["size-check"]);
            Assert.Equal("step current", groups["committees"]);
            Assert.Equal("step", groups["decision"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task diagram_of_an_unknown_definition_is_bad_input()
    {
        var (code, _, error) = await WorkflowsValidateCommandTests.RunAsync("workflows", "diagram", "no-such-procedure");

        Assert.Equal(2, code);
        Assert.Contains("Workflow definition no-such-procedure not found", error, StringComparison.Ordinal);
    }
}
