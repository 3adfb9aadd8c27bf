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
        Assert.Contains("party-committee-formation v4", output, StringComparison.Ordinal);
        Assert.Contains("party-committee-formation-appointed-2025 v4", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task validate_without_a_directory_finds_the_shipped_definitions()
    {
        var (code, output, error) = await RunAsync("workflows", "validate");

        Assert.True(code == 0, error);
        var shipped = Directory.GetFiles(RepositoryPaths.WorkflowsDirectory, "*.json").Count(f => Path.GetFileName(f) != "schema.json");
        Assert.Equal(shipped, output.Split('\n').Count(l => l.StartsWith("ok  ", StringComparison.Ordinal)));
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
    public async Task validate_reads_the_shipped_holiday_calendar_too()
    {
        var (code, output, error) = await RunAsync("workflows", "validate", RepositoryPaths.WorkflowsDirectory);

        Assert.True(code == 0, error);
        Assert.Contains("holiday calendar: 2014, 2024, 2025", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025.json: $.daysOff[1].date: ", "2024-12-31 is not in 2025")]
    [InlineData("2025.json: $.daysOff[2].date: ", "2025-01-01 is listed twice")]
    [InlineData("2025.json: $.daysOff[3].date: ", "\"2025-02-30\" is not a date")]
    [InlineData("2025.json: $.daysOff[4]: ", "2025-04-30 needs its name in Vietnamese (vi) and English (en)")]
    [InlineData("2025.json: $.workingWeekendDays[0].date: ", "2025-05-02 is a Friday, not a weekend day")]
    [InlineData("2026.json: $.year: ", "2027 does not match the file name")]
    public async Task validate_rejects_a_bad_holiday_file_naming_file_entry_and_date(string where, string reason)
    {
        var directory = Directory.CreateTempSubdirectory("holidays-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.WorkflowsDirectory, "organization-merger.json"), Path.Combine(directory, "organization-merger.json"));
            var holidays = Directory.CreateDirectory(Path.Combine(directory, "holidays")).FullName;
            await File.WriteAllTextAsync(Path.Combine(holidays, "2025.json"), """
                { "year": 2025, "daysOff": [
                    { "date": "2025-01-01", "vi": "Tết Dương lịch", "en": "New Year's Day" },
                    { "date": "2024-12-31", "vi": "Giao thừa", "en": "New Year's Eve" },
                    { "date": "2025-01-01", "vi": "Tết Dương lịch", "en": "New Year's Day" },
                    { "date": "2025-02-30", "vi": "Không có", "en": "No such day" },
                    { "date": "2025-04-30", "vi": "Ngày Giải phóng miền Nam" } ],
                  "workingWeekendDays": [ { "date": "2025-05-02", "vi": "Làm bù", "en": "Worked" } ] }
                """);
            await File.WriteAllTextAsync(Path.Combine(holidays, "2026.json"), """{ "year": 2027, "daysOff": [] }""");

            var (code, output, error) = await RunAsync("workflows", "validate", directory);

            Assert.Equal(2, code);
            Assert.Contains("ok  organization-merger.json", output, StringComparison.Ordinal);
            var line = error.Split('\n').SingleOrDefault(l => l.Contains(where, StringComparison.Ordinal));
            Assert.True(line is not null, error);
            Assert.Contains(reason, line, StringComparison.Ordinal);
            Assert.Contains("6 lỗi / problems in 2 tệp / file(s).", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task validate_reports_a_missing_directory_as_bad_input()
    {
        var (code, _, error) = await RunAsync("workflows", "validate", Path.Combine(BrokenDirectory, "does-not-exist"));

        Assert.Equal(2, code);
        Assert.Contains("directory does not exist", error, StringComparison.Ordinal);
    }
}
