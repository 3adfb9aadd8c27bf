using System.Text.Json;
using OrgRestructure.Testing;

namespace OrgRestructure.Cli.Tests.Plan;

public sealed class PlanCommandTests
{
    private static string Fixture(string name) =>
        Path.Combine(RepositoryPaths.RepositoryRoot, "tests", "OrgRestructure.Cli.Tests", "Plan", "Fixtures", name);

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task plan_of_the_quang_nam_survey_reproduces_312_organizations_to_47_committees()
    {
        var (code, output, error) = await RunAsync("plan", "--survey", RepositoryPaths.SurveyFile, "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(312, root.GetProperty("totals").GetProperty("organizationsBefore").GetInt32());
        Assert.Equal(47, root.GetProperty("totals").GetProperty("committeesAfter").GetInt32());
        Assert.Equal(11, root.GetProperty("totals").GetProperty("districtsWithSeparatePartyAndFrontCommittees").GetInt32());
        Assert.Equal(7, root.GetProperty("totals").GetProperty("districtsCombiningPartyAndFront").GetInt32());
        Assert.Equal(18, root.GetProperty("totals").GetProperty("districtsWithGovernmentBlocCommittee").GetInt32());
        Assert.Equal(0, root.GetProperty("flags").GetArrayLength());
        var committees = root.GetProperty("committees").EnumerateArray().ToList();
        Assert.Equal(47, committees.Count);
        Assert.Equal(312, committees.Sum(c => c.GetProperty("sourceOrganizationIds").GetArrayLength()));
        Assert.Equal(0, root.GetProperty("published").GetProperty("differences").GetArrayLength());
        var nongSon = committees.First(c => c.GetProperty("district").GetString() == "Nông Sơn");
        Assert.Equal(["party-agencies", "front-and-mass-organizations"], nongSon.GetProperty("blocs").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(30, nongSon.GetProperty("members").GetInt32());
        Assert.Equal("Đảng bộ Khối Đảng - Mặt trận - Đoàn thể huyện Nông Sơn", nongSon.GetProperty("name").GetString());
    }

    [Fact]
    public async Task plan_prints_a_bilingual_table_by_default()
    {
        var (code, output, _) = await RunAsync("plan", "--survey", RepositoryPaths.SurveyFile);

        Assert.Equal(0, code);
        Assert.Contains("Huyện / District", output, StringComparison.Ordinal);
        Assert.Contains("Đảng bộ Khối Chính quyền thành phố Tam Kỳ: 11 tổ chức / organizations, 111 đảng viên / members", output, StringComparison.Ordinal);
        Assert.Contains("Organizations before → committees after: 312 → 47", output, StringComparison.Ordinal);
        Assert.Contains("Matches the published totals", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task bad_json_survey_exits_2_naming_every_offending_organization()
    {
        var (code, output, error) = await RunAsync("plan", "--survey", Fixture("bad-survey.json"), "--json");

        Assert.Equal(2, code);
        foreach (var expected in new[]
        {
            "mot-party-01: Huyện Một › party-agencies › #1: 2 đảng viên, ít hơn tối thiểu 3",
            "mot-party-02: Huyện Một › party-agencies › #2: số đảng viên âm (-1)",
            "mot-army-01: Huyện Một › army › #1: khối không rõ \"army\"",
            "mot-government-01: Huyện Một › government › #1: thiếu số đảng viên",
            "mot-party-01: Huyện Một › government › #2: loại tổ chức không rõ \"to-dang\"",
            "mot-party-01: mã tổ chức bị trùng 2 lần",
        })
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(output);
        Assert.Equal(6, json.RootElement.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task bad_csv_survey_exits_2_naming_every_offending_organization()
    {
        var (code, output, error) = await RunAsync("plan", "--survey", Fixture("bad-survey.csv"));

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("5 problem(s)", error, StringComparison.Ordinal);
        Assert.Contains("hai-party-01: dòng 2 (Huyện Hai): 1 đảng viên, ít hơn tối thiểu 3 / line 2 (Huyện Hai): 1 members, fewer than the minimum 3", error, StringComparison.Ordinal);
        Assert.Contains("hai-front-01: dòng 3 (Huyện Hai): khối không rõ \"front\"", error, StringComparison.Ordinal);
        Assert.Contains("hai-government-01: dòng 4 (Huyện Hai): loại tổ chức không rõ \"chi-bo\"", error, StringComparison.Ordinal);
        Assert.Contains("hai-government-01: dòng 5 (Huyện Hai): thiếu số đảng viên", error, StringComparison.Ordinal);
        Assert.Contains("hai-government-01: mã tổ chức bị trùng 2 lần (dòng 4, dòng 5)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task csv_survey_plans_committees_and_flags_small_districts()
    {
        var (code, output, error) = await RunAsync("plan", "--survey", Fixture("small-province.csv"), "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("totals").GetProperty("organizationsBefore").GetInt32());
        var committee = Assert.Single(root.GetProperty("committees").EnumerateArray());
        Assert.Equal("Đảng bộ Khối Đảng - Mặt trận - Đoàn thể - Chính quyền thị xã Ba", committee.GetProperty("name").GetString());
        Assert.Equal(["ba-party-01", "ba-front-01", "ba-government-01", "ba-government-02"], committee.GetProperty("sourceOrganizationIds").EnumerateArray().Select(i => i.GetString()));
        var flag = Assert.Single(root.GetProperty("flags").EnumerateArray());
        Assert.Equal("Huyện Bốn", flag.GetProperty("district").GetString());
        Assert.Contains("20", flag.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task threshold_option_changes_the_plan()
    {
        var (code, output, _) = await RunAsync("plan", "--survey", Fixture("small-province.csv"), "--json", "--threshold", "20");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("flags").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("totals").GetProperty("committeesAfter").GetInt32());
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("plan", "--json")]
    [InlineData("plan", "--survey")]
    [InlineData("plan", "--survey", "x.json", "--bogus")]
    [InlineData("plan", "--survey", "x.json", "--threshold", "0")]
    public async Task bad_arguments_exit_2_with_usage(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Contains("orgrestructure plan [options]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task missing_survey_file_exits_2()
    {
        var (code, _, error) = await RunAsync("plan", "--survey", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json"));

        Assert.Equal(2, code);
        Assert.Contains("Cannot read the survey file", error, StringComparison.Ordinal);
    }
}
