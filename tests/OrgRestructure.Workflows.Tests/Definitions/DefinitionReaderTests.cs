using System.Text.Json;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Workflows.Tests.Definitions;

public sealed class DefinitionReaderTests
{
    private const string Minimal = """
        {
          "id": "minimal", "version": 1, "title": { "vi": "Tối thiểu", "en": "Minimal" }, "legalBasis": [],
          "steps": [ { "id": "tell", "title": { "vi": "Báo", "en": "Tell" }, "kind": "Notify",
            "config": { "template": "t", "roles": [ "r" ], "subject": { "vi": "s", "en": "s" } } } ]
        }
        """;

    private static IReadOnlyList<DefinitionError> Errors(string json) => DefinitionReader.Read("x.json", json).Errors;

    [Fact]
    public void the_shipped_definitions_load_with_their_parameters_and_seven_steps()
    {
        var registry = WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory);

        var formation = registry.Get("party-committee-formation");
        Assert.Equal(4, registry.All.Select(d => d.Id).Distinct().Count());
        Assert.Equal(4, formation.Version);
        Assert.Equal("refuse", formation.Parameters["failedCandidatePolicy"].Default.GetValue<string>());
        Assert.Equal("2/3", formation.Parameters["confidenceQuorum"].Default.GetValue<string>());
        Assert.Equal(30, formation.Parameters["dangBoMinMembers"].Default.GetValue<int>());
        Assert.Equal(7, formation.AllSteps.Values.Count(s => s.Title.En.StartsWith("Step ", StringComparison.Ordinal)));
        Assert.Equal(6, registry.Get("party-committee-formation-appointed-2025").AllSteps.Values.Count(s => s.Title.En.StartsWith("Step ", StringComparison.Ordinal)));
        Assert.NotEmpty(formation.LegalBasis);
    }

    [Fact]
    public void the_schema_is_json_schema_draft_2020_12_and_every_shipped_file_points_to_it()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.WorkflowsDirectory, "schema.json")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        var kinds = schema.RootElement.GetProperty("$defs").GetProperty("step").GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order().ToList();
        Assert.Equal(["Announcement", "Approval", "ConfidenceVote", "Decision", "Election", "ForEach", "Gate", "HumanTask", "Notify", "Timer"], kinds);
        foreach (var file in Directory.GetFiles(RepositoryPaths.WorkflowsDirectory, "*.json").Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal)))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal("./schema.json", doc.RootElement.GetProperty("$schema").GetString());
        }
    }

    [Fact]
    public void a_campaign_declaration_leaves_the_content_hash_as_it_was()
    {
        var plain = DefinitionReader.Read("x.json", Minimal).Definition!;
        var declared = DefinitionReader.Read("x.json", Minimal.Replace("\"legalBasis\": [],", "\"legalBasis\": [], \"campaign\": { \"plan\": \"district-survey\", \"current\": true },", StringComparison.Ordinal)).Definition!;

        Assert.Equal(plain.Hash, declared.Hash);
        Assert.Equal(new CampaignDeclaration("district-survey", true), declared.Campaign);
        Assert.Null(plain.Campaign);
    }

    [Fact]
    public void each_plan_starts_its_cases_on_the_procedure_that_declares_it_current()
    {
        var registry = WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory);

        Assert.Equal(("party-committee-formation", 4), (registry.ForCampaign("district-survey").Id, registry.ForCampaign("district-survey").Version));
        Assert.Equal("commune-party-committee-formation-2025", registry.ForCampaign("national-communes-2025").Id);
        Assert.Equal("campaign-procedure-not-found", Assert.Throws<OrgRestructure.Workflows.Runtime.WorkflowNotFound>(() => registry.ForCampaign("no-such-plan")).Code);
    }

    [Theory]
    [InlineData("""{ "type": "string", "default": "maybe", "title": { "vi": "Chính sách", "en": "Policy" }, "options": { "yes": { "vi": "Có", "en": "Yes" } } }""", "$.parameters.policy.default")]
    [InlineData("""{ "type": "integer", "default": 1, "title": { "vi": "Số", "en": "Number" }, "options": { "1": { "vi": "Một", "en": "One" } } }""", "$.parameters.policy.options")]
    [InlineData("""{ "type": "string", "default": "yes", "title": { "vi": "Chính sách", "en": "Policy" }, "options": { "yes": "Có" } }""", "$.parameters.policy.options.yes")]
    public void a_parameters_options_are_words_for_string_values_and_its_default_is_one_of_them(string parameter, string errorPath)
    {
        var json = Minimal.Replace("\"legalBasis\": [],", $"\"legalBasis\": [], \"parameters\": {{ \"policy\": {parameter} }},", StringComparison.Ordinal);

        Assert.Contains(Errors(json), e => e.Path.StartsWith(errorPath, StringComparison.Ordinal));
    }

    [Fact]
    public void the_failed_candidate_policy_is_offered_in_words_not_codes()
    {
        var registry = WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory);
        var policy = registry.Get("party-committee-formation").Parameters["failedCandidatePolicy"];

        Assert.Equal(["refuse", "override-with-reason"], policy.Options!.Keys);
        Assert.Equal("Không được chỉ định", policy.Words(policy.Default).Vi);
        Assert.DoesNotContain("override-with-reason", policy.Title.Vi + policy.Title.En, StringComparison.Ordinal);
    }

    [Fact]
    public void a_minimal_definition_is_valid()
    {
        var (definition, errors) = DefinitionReader.Read("x.json", Minimal);

        Assert.Empty(errors);
        Assert.Equal("minimal", definition!.Id);
    }

    private const string WithChoice = """
        {
          "id": "choice", "version": 1, "title": { "vi": "Chọn", "en": "Choice" }, "legalBasis": [],
          "steps": [ { "id": "pick", "title": { "vi": "Chọn", "en": "Pick" }, "kind": "HumanTask",
            "config": { "fields": [ { "name": "position", "type": "choice", "label": { "vi": "Chức vụ", "en": "Position" },
              "options": [ "secretary", "deputy-secretary" ],
              "optionLabels": { "secretary": { "vi": "Bí thư", "en": "Secretary" } } } ] },
            "task": { "assigneeRole": "district-organization-board" } } ]
        }
        """;

    [Fact]
    public void a_choice_may_name_its_options_in_both_languages()
    {
        Assert.Empty(Errors(WithChoice));
    }

    [Fact]
    public void a_label_for_an_option_the_field_does_not_have_is_refused()
    {
        var errors = Errors(WithChoice.Replace("\"optionLabels\": { \"secretary\"", "\"optionLabels\": { \"chairman\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Path == "$.steps[0].config.fields[0].optionLabels.chairman" && e.Message.Contains("not one of the field's options", StringComparison.Ordinal));
    }

    [Fact]
    public void the_shipped_slate_names_every_position_in_vietnamese()
    {
        var registry = WorkflowDefinitionRegistry.LoadFromDirectory(RepositoryPaths.WorkflowsDirectory);
        foreach (var id in new[] { "party-committee-formation", "party-committee-formation-appointed-2025" })
        {
            var slate = registry.Get(id).Step("slate").Config["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "candidates")!;
            var position = slate["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "position")!;
            var labels = position["optionLabels"]!.AsObject();
            Assert.Equal(position["options"]!.AsArray().Select(o => o!.GetValue<string>()).Order(), labels.Select(l => l.Key).Order());
            Assert.Equal("Bí thư", labels["secretary"]!["vi"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("\"version\": 1", "\"version\": 0", "$.version", "must be a whole number ≥ 1")]
    [InlineData("\"id\": \"minimal\"", "\"id\": \"Minimal Case\"", "$.id", "must be lower-case words joined by '-'")]
    [InlineData("\"legalBasis\": []", "\"legalBasis\": [], \"extra\": 1", "$.extra", "is not a known property")]
    [InlineData("\"roles\": [ \"r\" ]", "\"roles\": [ ]", "$.steps[0].config.roles", "must name at least one role")]
    [InlineData("\"template\": \"t\", ", "", "$.steps[0].config.template", "is required")]
    [InlineData("\"kind\": \"Notify\",", "\"kind\": \"Notify\", \"next\": \"ghost\",", "$.steps[0].next", "step 'ghost' does not exist")]
    [InlineData("\"kind\": \"Notify\",", "\"kind\": \"Notify\", \"body\": [],", "$.steps[0].body", "only a ForEach step has a body")]
    public void a_mistake_is_reported_with_its_json_path(string find, string replace, string path, string message)
    {
        var errors = Errors(Minimal.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.File == "x.json" && e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void invalid_json_is_reported_with_its_line()
    {
        var errors = Errors("{\n  \"id\": \"x\",\n  oops\n}");

        var error = Assert.Single(errors);
        Assert.StartsWith("$ (line 3)", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void a_transition_into_another_container_is_refused()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.WorkflowsDirectory, "party-committee-formation.json"))
            .Replace("\"onRejection\": \"slate\"", "\"onRejection\": \"report-province\"", StringComparison.Ordinal);

        var errors = Errors(json);

        Assert.Contains(errors, e => e.Path == "$.steps[0].body[6].config.onRejection" && e.Message.Contains("in another container", StringComparison.Ordinal));
    }
}
