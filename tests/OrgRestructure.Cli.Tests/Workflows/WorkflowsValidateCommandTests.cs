using OrgRestructure.Testing;

namespace OrgRestructure.Cli.Tests.Workflows;

public sealed class WorkflowsValidateCommandTests
{
    private static readonly string BrokenDirectory =
        Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "OrgRestructure.Cli.Tests", "Workflows", "Fixtures", "broken");

    internal static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task validate_accepts_the_shipped_definitions()
    {
        var (code, output, error) = await RunAsync("workflows", "validate", RepositoryPaths.WorkflowsDirectory);

        Assert.True(code == 0, error);
        foreach (var id in new[] { "party-committee-formation", "party-committee-formation-appointed-2025", "organization-merger" })
        {
            // A published version stays next to the one that replaced it: running cases still need it.
            Assert.Contains($"{id} v1", output, StringComparison.Ordinal);
            Assert.Contains($"{id} v2", output, StringComparison.Ordinal);
        }

        Assert.Contains("party-committee-formation v3", output, StringComparison.Ordinal);
        Assert.Contains("party-committee-formation-appointed-2025 v3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task validate_without_a_directory_finds_the_shipped_definitions()
    {
        var (code, output, error) = await RunAsync("workflows", "validate");

        Assert.True(code == 0, error);
        Assert.Equal(10, output.Split('\n').Count(l => l.StartsWith("ok  ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("$.parameters.seats.default", "must be a value of type integer")]
    [InlineData("$.steps[1].next", "step 'nowhere' does not exist")]
    [InlineData("$.steps[1].config.quorum.param", "parameter 'quorumm' is not declared in $.parameters")]
    [InlineData("$.steps[1].config.passThreshold.param", "parameter 'seats' is of type integer; expected fraction")]
    [InlineData("$.steps[2].id", "step id 'vote' is used twice (first at $.steps[1])")]
    [InlineData("$.steps[2].kind", "'Teleport' is not an activity kind")]
    [InlineData("$.steps[3].config.vettingStep", "step 'slate' must be an Approval step with candidatesFrom")]
    [InlineData("$.steps[3].task", "is required for a Decision step")]
    public async Task validate_rejects_a_broken_file_naming_file_path_and_reason(string path, string reason)
    {
        var (code, _, error) = await RunAsync("workflows", "validate", BrokenDirectory);

        Assert.Equal(2, code);
        var line = error.Split('\n').SingleOrDefault(l => l.Contains($"broken-formation.json: {path}: ", StringComparison.Ordinal));
        Assert.True(line is not null, error);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task validate_reports_a_missing_directory_as_bad_input()
    {
        var (code, _, error) = await RunAsync("workflows", "validate", Path.Combine(BrokenDirectory, "does-not-exist"));

        Assert.Equal(2, code);
        Assert.Contains("directory does not exist", error, StringComparison.Ordinal);
    }
}
