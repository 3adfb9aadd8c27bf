using OrgRestructure.Cli.Tests.Store;

namespace OrgRestructure.Cli.Tests;

/// <summary>The command line as System.CommandLine builds it: generated help, and bad input refused with exit code 2.</summary>
public sealed class CliAppTests
{
    [Fact]
    public async Task help_is_generated_and_lists_every_command_under_its_group()
    {
        var cli = StoreCli.Sqlite();

        var root = await cli.RunAsync("--help");

        Assert.Equal(0, root.Exit);
        Assert.Contains("Usage:", root.Output, StringComparison.Ordinal);
        Assert.Contains("orgrestructure [command] [options]", root.Output, StringComparison.Ordinal);
        var commands = CliApp.Discover().Select(c => c.Name.Split(' ')).ToList();
        Assert.Equal(16, commands.Count);
        foreach (var words in commands)
        {
            Assert.Matches($@"(?m)^  {words[0]}\s+\S", root.Output);
            if (words.Length > 1)
            {
                var group = await cli.RunAsync(words[0], "--help");
                Assert.Equal(0, group.Exit);
                Assert.Matches($@"(?m)^  {words[1]}\s+\S", group.Output);
            }

            var own = await cli.RunAsync([.. words, "--help"]);
            Assert.Equal(0, own.Exit);
            Assert.Contains($"orgrestructure {string.Join(' ', words)}", own.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task bench_e2e_help_lists_its_options_with_their_defaults_and_what_the_bench_does()
    {
        var (exit, output, _) = await StoreCli.Sqlite().RunAsync("bench", "e2e", "--help");

        Assert.Equal(0, exit);
        Assert.Matches(@"--definition <ID>\s+\(REQUIRED\)", output);
        Assert.Matches(@"--backend <postgres\|sqlite>.*\[default: sqlite\]", output);
        Assert.Matches(@"--clients <N>.*\[default: 8\]", output);
        Assert.Contains("--url <URL>", output, StringComparison.Ordinal);
        Assert.Contains("Details:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fast", "bench", "store", "--fast")]
    [InlineData("--seconds", "bench", "store", "--seconds", "0,5")]
    [InlineData("--clients", "bench", "e2e", "--definition", "party-committee-formation", "--clients", "1")]
    [InlineData("--url", "bench", "e2e", "--definition", "party-committee-formation", "--url", "ftp://127.0.0.1/")]
    [InlineData("--url", "bench", "e2e", "--definition", "party-committee-formation", "--url", "http://127.0.0.1:1/", "--scale", "pilot")]
    [InlineData("--strem", "verify", "--strem", "case-a")]
    [InlineData("--max", "messages", "errors", "--max", "zero")]
    [InlineData("--at", "replay", "--stream", "case-a", "--at", "yesterday")]
    [InlineData("--version", "workflows", "diagram", "party-committee-formation", "--version", "0")]
    public async Task a_bad_option_exits_2_with_a_message_naming_it_and_the_command_help_on_stderr(string named, params string[] args)
    {
        var (exit, output, error) = await StoreCli.Sqlite().RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var problems = error.Split("Description:")[0];
        Assert.Contains("Invalid arguments", problems, StringComparison.Ordinal);
        Assert.Contains(named, problems, StringComparison.Ordinal);
        Assert.Contains($"orgrestructure {args[0]}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'--stream'", "replay")]
    [InlineData("'--role'", "users", "add", "someone", "--display-name", "Ai đó", "--province", "Quảng Nam", "--password", "Mat-khau-2014", "--role")]
    [InlineData("--id", "messages", "retry", "--id")]
    [InlineData("'--national'", "campaign", "import")]
    [InlineData("'disable'", "users", "disable")]
    [InlineData("Required command", "bench")]
    [InlineData("Required command")]
    public async Task a_missing_required_argument_or_command_exits_2_naming_what_is_missing(string named, params string[] args)
    {
        var (exit, _, error) = await StoreCli.Sqlite().RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(named, error.Split("Description:")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_suggest_directive_completes_a_groups_commands_an_options_names_and_the_role_names()
    {
        var cli = StoreCli.Sqlite();

        var group = await cli.RunAsync(Suggest("orgrestructure users "));
        var options = await cli.RunAsync(Suggest("orgrestructure users add someone --r"));
        var roles = await cli.RunAsync(Suggest("orgrestructure users add someone --role District"));

        Assert.Equal((0, 0, 0), (group.Exit, options.Exit, roles.Exit));
        Assert.Equal(["add", "disable", "list"], Lines(group.Output).Where(l => char.IsLetter(l[0])));
        Assert.Equal(["--role"], Lines(options.Output));
        Assert.Equal(["DistrictOrganizationBoard", "DistrictStandingCommittee"], Lines(roles.Output));
    }

    /// <summary>What dotnet-suggest runs for a shell: the directive with the cursor's position, then the whole line.</summary>
    private static string[] Suggest(string line) => [$"[suggest:{line.Length}]", line];

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
