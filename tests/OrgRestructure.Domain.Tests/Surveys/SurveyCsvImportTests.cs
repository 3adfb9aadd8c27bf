using System.Text;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Surveys;

namespace OrgRestructure.Domain.Tests.Surveys;

public sealed class SurveyCsvImportTests
{
    [Fact]
    public void csv_with_quoted_fields_bom_and_crlf_imports()
    {
        var csv = "\uFEFFdistrict,districtKind,bloc,id,name,kind,members\r\n"
            + "Tam Kỳ,thành phố,party-agencies,tk-1,\"Chi bộ Ban Tổ chức, Ban Tuyên giáo\",chi-bo-co-so,12\r\n"
            + "Tam Kỳ,thành phố,government,tk-2,\"Chi bộ \"\"Văn phòng\"\"\nHĐND\",dang-bo-co-so,31\r\n"
            + "Duy Xuyên,,government,dx-1,Chi bộ Phòng Y tế,chi-bo-co-so,5\r\n";

        var result = SurveyImport.FromCsv(csv, "Quảng Nam");

        Assert.True(result.IsSuccess, string.Join("\n", result.Problems));
        var survey = result.Value;
        Assert.Equal(["Tam Kỳ", "Duy Xuyên"], survey.Districts.Select(d => d.Name));
        Assert.Equal(DistrictKind.City, survey.Districts[0].Kind);
        Assert.Equal(DistrictKind.RuralDistrict, survey.Districts[1].Kind);
        Assert.Equal("Chi bộ Ban Tổ chức, Ban Tuyên giáo", survey.Districts[0].Organizations[0].Name);
        Assert.Equal("Chi bộ \"Văn phòng\"\nHĐND", survey.Districts[0].Organizations[1].Name);
        Assert.Equal(OrganizationKind.GrassrootsCommittee, survey.Districts[0].Organizations[1].Kind);
    }

    [Fact]
    public void decomposed_vietnamese_is_normalized_so_rows_of_one_district_group_together()
    {
        var decomposed = "Đie\u0323\u0302n Ba\u0300n";
        var csv = "district,bloc,id,name,kind,members\n"
            + $"{decomposed},government,db-1,Chi bộ A,chi-bo-co-so,10\n"
            + "Điện Bàn,government,db-2,Chi bộ B,chi-bo-co-so,10\n";

        var survey = SurveyImport.FromCsv(csv).Value;

        var district = Assert.Single(survey.Districts);
        Assert.Equal("Điện Bàn", district.Name);
        Assert.True(district.Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(2, district.Organizations.Count);
    }

    [Fact]
    public void bad_csv_lists_every_problem_with_the_organization_id()
    {
        const string csv = """
            district,bloc,id,name,kind,members
            A,party-agencies,a-1,Chi bộ 1,chi-bo-co-so,2
            A,front,a-2,Chi bộ 2,chi-bo-co-so,
            A,government,a-3,Chi bộ 3,chi-bo,-1
            A,government,a-1,Chi bộ 4,chi-bo-co-so,ba
            A,government,,Chi bộ 5,chi-bo-co-so,7
            A,government,a-6,Chi bộ 6
            """;

        var result = SurveyImport.FromCsv(csv);

        Assert.Equal(
            [
                ("too-few-members", "a-1"),
                ("unknown-bloc", "a-2"),
                ("missing-members", "a-2"),
                ("unknown-kind", "a-3"),
                ("negative-members", "a-3"),
                ("invalid-members", "a-1"),
                ("missing-id", "line 6"),
                ("wrong-field-count", "a-6"),
                ("duplicate-id", "a-1"),
            ],
            result.Problems.Select(p => (p.Code, p.Subject)));
        Assert.Equal("dòng 2 (A): 2 đảng viên, ít hơn tối thiểu 3", result.Problems[0].Vi);
        Assert.Equal("organization id used 2 times (line 2, line 5)", result.Problems[^1].En);
    }

    [Fact]
    public void conflicting_district_kinds_are_refused()
    {
        const string csv = """
            district,districtKind,bloc,id,name,kind,members
            Hội An,thành phố,government,ha-1,Chi bộ A,chi-bo-co-so,10
            Hội An,huyện,government,ha-2,Chi bộ B,chi-bo-co-so,10
            Hội An,,government,ha-3,Chi bộ C,chi-bo-co-so,10
            Hội An,tỉnh,government,ha-4,Chi bộ D,chi-bo-co-so,10
            """;

        var result = SurveyImport.FromCsv(csv);

        Assert.Equal(
            [("conflicting-district-kind", "Hội An"), ("unknown-district-kind", "Hội An")],
            result.Problems.Select(p => (p.Code, p.Subject)));
        Assert.Equal("line 3: district kind differs from an earlier row (city / district)", result.Problems[0].En);
    }

    [Fact]
    public void csv_may_name_its_province_in_a_column()
    {
        const string csv = """
            province,district,bloc,id,name,kind,members
            Quảng Nam,A,government,a-1,Chi bộ A,chi-bo-co-so,10
            Quảng Nam,A,government,a-2,Chi bộ B,chi-bo-co-so,10
            """;

        Assert.Equal("Quảng Nam", SurveyImport.FromCsv(csv).Value.Province);
        Assert.Equal(["conflicting-province", "conflicting-province"], SurveyImport.FromCsv(csv, "Đà Nẵng").Problems.Select(p => p.Code));
    }

    [Fact]
    public void csv_missing_columns_is_refused()
    {
        var result = SurveyImport.FromCsv("district,bloc,id,name\nA,government,x,X\n");

        Assert.Contains("kind, members", Assert.Single(result.Problems).En, StringComparison.Ordinal);
    }

    [Fact]
    public void csv_with_an_unclosed_quote_is_refused()
    {
        var result = SurveyImport.FromCsv("district,bloc,id,name,kind,members\nA,government,x,\"X,chi-bo-co-so,5\n");

        Assert.Equal("invalid-csv", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void empty_csv_is_refused()
    {
        Assert.Equal("empty-survey", Assert.Single(SurveyImport.FromCsv("\n\n").Problems).Code);
    }

    [Theory]
    [InlineData("survey.json", "x", SurveyFormat.Json)]
    [InlineData("survey.CSV", "{", SurveyFormat.Csv)]
    [InlineData(null, "\uFEFF  {\"districts\":[]}", SurveyFormat.Json)]
    [InlineData("upload", "district,bloc", SurveyFormat.Csv)]
    public void format_is_detected_from_the_name_or_the_content(string? name, string content, SurveyFormat format)
    {
        Assert.Equal(format, SurveyImport.DetectFormat(name, content));
    }
}
