using System.Text.Json.Nodes;
using OrgRestructure.Cli.Tests.Store;
using OrgRestructure.Testing;
using OrgRestructure.Workflows.ReadModels;

namespace OrgRestructure.Cli.Tests.Campaign;

public sealed class CampaignImportCommandTests
{
    [Fact]
    public async Task a_province_import_starts_one_case_per_new_unit_and_a_second_import_starts_none()
    {
        var cli = StoreCli.Sqlite();

        var first = await cli.RunAsync("campaign", "import", "--national", RepositoryPaths.NationalPlanFile, "--province", "Lai Châu");
        var again = await cli.RunAsync("campaign", "import", "--national", RepositoryPaths.NationalPlanFile, "--province", "Lai Châu");

        Assert.Equal(0, first.Exit);
        Assert.Contains("Lai Châu: 38/38 units, 38 case(s) started so far", first.Output, StringComparison.Ordinal);
        Assert.Contains("38 units in 1 province(s) — 38 case(s) started, 0 already started", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.Exit);
        Assert.Contains("0 case(s) started, 38 already started", again.Output, StringComparison.Ordinal);
        var store = cli.OpenStore();
        using var owned = store as IDisposable;
        var cases = await new CaseReadModel(store).ListCasesAsync(new ReadScope("Lai Châu", null), null, null, 100, null);
        Assert.Equal(38, cases.Items.Count);
        Assert.All(cases.Items, c => Assert.Equal("commune-party-committee-formation-2025", c.DefinitionId));
        Assert.Equal(38, cases.Items.Select(c => c.District).Distinct().Count());
    }

    [Fact]
    public async Task check_prints_the_national_figures_and_starts_nothing()
    {
        var cli = StoreCli.Sqlite();

        var (exit, output, _) = await cli.RunAsync("campaign", "import", "--national", RepositoryPaths.NationalPlanFile, "--check");

        Assert.Equal(0, exit);
        Assert.Contains("34 province(s), 10,035 old commune-level committees → 3,321 new units (2,621 communes, 687 wards, 13 special zones)", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.DataDirectory, "orgrestructure.db")));
    }

    [Fact]
    public async Task a_bad_national_file_is_refused_naming_the_offending_ids_and_starts_nothing()
    {
        var cli = StoreCli.Sqlite();
        var plan = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.NationalPlanFile))!.AsObject();
        var units = plan["provinces"]![0]!["units"]!.AsArray();
        var oldId = units[1]!["formedFrom"]![0]!["id"]!.GetValue<string>();
        units[0]!["formedFrom"]!.AsArray().Add(units[1]!["formedFrom"]![0]!.DeepClone());
        Directory.CreateDirectory(cli.DataDirectory);
        var file = Path.Combine(cli.DataDirectory, "bad-plan.json");
        await File.WriteAllTextAsync(file, plan.ToJsonString());

        var (exit, _, error) = await cli.RunAsync("campaign", "import", "--national", file);

        Assert.Equal(2, exit);
        Assert.Contains($"{oldId}: old committee {oldId} is used for two new units", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.DataDirectory, "orgrestructure.db")));
    }

    [Fact]
    public async Task an_unknown_province_is_refused_with_the_plans_provinces()
    {
        var (exit, _, error) = await StoreCli.Sqlite().RunAsync("campaign", "import", "--national", RepositoryPaths.NationalPlanFile, "--province", "Quảng Nam");

        Assert.Equal(2, exit);
        Assert.Contains("The plan has no province 'Quảng Nam'", error, StringComparison.Ordinal);
        Assert.Contains("Lai Châu", error, StringComparison.Ordinal);
    }
}
