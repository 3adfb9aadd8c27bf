using OrgRestructure.Domain.Organizations;

namespace OrgRestructure.Domain.Tests;

public sealed class LabelsTests
{
    [Theory]
    [InlineData("party-agencies", Bloc.PartyAgencies)]
    [InlineData("FRONT-AND-MASS-ORGANIZATIONS", Bloc.FrontAndMassOrganizations)]
    [InlineData("Government", Bloc.Government)]
    public void bloc_codes_and_names_parse(string code, Bloc bloc)
    {
        Assert.True(Labels.TryParseBloc(code, out var parsed));
        Assert.Equal(bloc, parsed);
    }

    [Fact]
    public void unknown_codes_do_not_parse()
    {
        Assert.False(Labels.TryParseBloc("army", out _));
        Assert.False(Labels.TryParseKind("chi-bo", out _));
    }

    [Fact]
    public void district_kinds_parse_from_decomposed_vietnamese()
    {
        Assert.True(Labels.TryParseDistrictKind("tha\u0300nh pho\u0302\u0301", out var kind));
        Assert.Equal(DistrictKind.City, kind);
    }

    [Fact]
    public void every_enum_value_has_both_labels()
    {
        Assert.All(Enum.GetValues<Bloc>(), b => Assert.False(string.IsNullOrEmpty(Labels.Of(b).Vi + Labels.Of(b).En)));
        Assert.All(Enum.GetValues<Domain.Personnel.Position>(), p => Assert.NotEqual(Labels.Of(p).Vi, Labels.Of(p).En));
        Assert.Equal("Khối chính quyền", Labels.Of(Bloc.Government).In("vi"));
        Assert.Equal("Government bloc", Labels.Of(Bloc.Government).In("en-GB"));
    }
}
