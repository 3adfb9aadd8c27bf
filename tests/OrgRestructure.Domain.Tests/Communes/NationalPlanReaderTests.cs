using System.Text.Json.Nodes;
using OrgRestructure.Domain.Communes;
using OrgRestructure.Testing;

namespace OrgRestructure.Domain.Tests.Communes;

public sealed class NationalPlanReaderTests
{
    private static readonly Lazy<string> National = new(() => File.ReadAllText(RepositoryPaths.NationalPlanFile));

    private static JsonObject NationalJson() => JsonNode.Parse(National.Value)!.AsObject();

    private static JsonArray Units(JsonObject plan, int province) => plan["provinces"]![province]!["units"]!.AsArray();

    [Fact]
    public void the_national_file_reads_as_34_provinces_and_10035_old_committees_becoming_3321_units()
    {
        var result = NationalPlanReader.Read(National.Value);

        Assert.True(result.IsSuccess, string.Join("\n", result.Problems));
        var plan = result.Value;
        Assert.Equal(34, plan.Provinces.Count);
        Assert.Equal(10_035, plan.UnitsBefore);
        Assert.Equal(3_321, plan.UnitsAfter);
        Assert.Equal((2_621, 687, 13), (plan.Count(UnitKind.Commune), plan.Count(UnitKind.Ward), plan.Count(UnitKind.SpecialZone)));
        Assert.Equal((168, 126, 38), (plan.For("Thành phố Hồ Chí Minh").UnitsAfter, plan.For("Hà Nội").UnitsAfter, plan.For("Lai Châu").UnitsAfter));
        Assert.Equal(PlanSchedule.Guidance31, plan.Schedule);
    }

    [Fact]
    public void a_bad_file_is_refused_with_every_offending_id()
    {
        var plan = NationalJson();
        var first = Units(plan, 0);
        var stolen = first[1]!["formedFrom"]![0]!.DeepClone();
        first[0]!["formedFrom"]!.AsArray().Add(stolen);
        var emptyId = first[2]!["id"]!.GetValue<string>();
        first[2]!["formedFrom"] = new JsonArray();
        plan["provinces"]![1]!["province"] = "Tỉnh Không Có";

        var result = NationalPlanReader.Read(plan.ToJsonString());

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Problems, p => p.Code == "old-committee-used-twice" && p.Subject == stolen["id"]!.GetValue<string>());
        Assert.Contains(result.Problems, p => p.Code == "formed-from-nothing" && p.Subject == emptyId && p.En.Contains("formed from no old committee", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Code == "unknown-province" && p.Subject == "Tỉnh Không Có" && p.Vi.Contains("không phải một trong 34 tỉnh", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Code == "province-missing" && p.Subject == "Thành phố Hồ Chí Minh");
    }

    [Fact]
    public void a_unit_id_used_twice_is_named()
    {
        var plan = NationalJson();
        var units = Units(plan, 6);
        units[1]!["id"] = units[0]!["id"]!.GetValue<string>();

        var result = NationalPlanReader.Read(plan.ToJsonString());

        Assert.Contains(result.Problems, p => p.Code == "unit-used-twice" && p.Subject == units[0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void totals_that_differ_from_the_published_ones_are_refused_with_both_figures()
    {
        var plan = NationalJson();
        Units(plan, 6).RemoveAt(0);

        var result = NationalPlanReader.Read(plan.ToJsonString());

        Assert.Contains(result.Problems, p => p.Subject == "publishedTotals.unitsAfter" && p.En == "new commune-level units: the file holds 3320, the published figure is 3321");
    }

    [Fact]
    public void a_file_that_is_not_json_is_refused_with_its_line()
    {
        var result = NationalPlanReader.Read("{\n \"provinces\": [\n oops");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("invalid-json", problem.Code);
        Assert.Contains("line 3", problem.En, StringComparison.Ordinal);
    }
}
