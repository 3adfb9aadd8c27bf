using System.Text.Json;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class RuleParametersJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void definition_parameters_override_only_what_they_name()
    {
        const string json = """{ "conferenceQuorum": "3/4", "confidencePassThreshold": "60%", "electionThreshold": 0.5, "resolutionThreshold": { "numerator": 2, "denominator": 3 }, "grassrootsCommitteeThreshold": 25 }""";

        var parameters = JsonSerializer.Deserialize<RuleParameters>(json, Web)!;

        Assert.Equal(new Ratio(3, 4), parameters.ConferenceQuorum);
        Assert.Equal(new Ratio(60, 100), parameters.ConfidencePassThreshold);
        Assert.True(parameters.ElectionThreshold.IsExactlyAt(1, 2));
        Assert.Equal(new Ratio(2, 3), parameters.ResolutionThreshold);
        Assert.Equal(25, parameters.GrassrootsCommitteeThreshold);
        Assert.Equal(RuleParameters.Default.MinimumFullMembers, parameters.MinimumFullMembers);
        Assert.Equal(RuleParameters.Default.MaximumSurplus, parameters.MaximumSurplus);
    }

    [Fact]
    public void parameters_round_trip_with_ratios_as_text()
    {
        var text = JsonSerializer.Serialize(RuleParameters.Default, Web);

        Assert.Contains("\"conferenceQuorum\":\"2/3\"", text, StringComparison.Ordinal);
        Assert.Contains("\"confidencePassThreshold\":\"50%\"", text, StringComparison.Ordinal);
        Assert.Equal(RuleParameters.Default, JsonSerializer.Deserialize<RuleParameters>(text, Web));
    }

    [Theory]
    [InlineData("""{ "conferenceQuorum": "4/3" }""")]
    [InlineData("""{ "conferenceQuorum": "two thirds" }""")]
    [InlineData("""{ "conferenceQuorum": true }""")]
    public void invalid_ratios_are_json_errors(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RuleParameters>(json, Web));
    }
}
