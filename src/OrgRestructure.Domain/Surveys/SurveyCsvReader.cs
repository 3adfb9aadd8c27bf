using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Surveys;

/// <summary>
/// Reads a CSV survey: a header row naming the columns district, bloc, id, name, kind, members
/// (any order, any case) and optionally districtKind ("huyện", "thành phố"…; default huyện) and
/// province (one value for the whole file),
/// then one row per organization.
/// </summary>
internal static class SurveyCsvReader
{
    private static readonly string[] _required = ["district", "bloc", "id", "name", "kind", "members"];

    public static DomainResult<Survey> Read(string csv, string province, RuleParameters parameters)
    {
        var builder = new SurveyBuilder(parameters);
        var (records, unterminated) = CsvParser.Parse(csv);
        if (unterminated is { } quoteLine)
        {
            builder.AddProblem("invalid-csv", $"line {quoteLine}", $"dòng {quoteLine}: dấu ngoặc kép mở nhưng không đóng", $"line {quoteLine}: a quote is opened but never closed");
            return builder.Build(province, null, [], null);
        }

        if (records.Count == 0)
        {
            builder.AddProblem("empty-survey", "", "tệp CSV trống, cần dòng tiêu đề: " + string.Join(",", _required), "the CSV file is empty; it needs a header row: " + string.Join(",", _required));
            return builder.Build(province, null, [], null);
        }

        var header = records[0].Fields.Select(f => SurveyBuilder.Normalize(f)!.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant()).ToList();
        int Column(string name) => header.IndexOf(name.ToUpperInvariant());
        var missing = _required.Where(c => Column(c) < 0).ToList();
        if (missing.Count > 0)
        {
            builder.AddProblem("missing-columns", "line 1", $"dòng 1: thiếu cột {string.Join(", ", missing)}", $"line 1: missing columns {string.Join(", ", missing)}");
            return builder.Build(province, null, [], null);
        }

        var districtKind = Column("districtKind");
        var provinceColumn = Column("province");
        foreach (var record in records.Skip(1))
        {
            var location = ($"dòng {record.Line}", $"line {record.Line}");
            if (record.Fields.Count != header.Count)
            {
                var subject = Column("id") < record.Fields.Count ? SurveyBuilder.Normalize(record.Fields[Column("id")]) : null;
                builder.AddProblem(
                    "wrong-field-count",
                    string.IsNullOrEmpty(subject) ? $"line {record.Line}" : subject,
                    $"dòng {record.Line}: có {record.Fields.Count} cột, cần {header.Count}",
                    $"line {record.Line}: {record.Fields.Count} fields, expected {header.Count}");
                continue;
            }

            string? Field(int column) => column < 0 ? null : record.Fields[column];
            var rowProvince = SurveyBuilder.Normalize(Field(provinceColumn));
            if (!string.IsNullOrEmpty(rowProvince))
            {
                if (string.IsNullOrEmpty(province))
                {
                    province = rowProvince;
                }
                else if (rowProvince != province)
                {
                    builder.AddProblem("conflicting-province", $"line {record.Line}", $"dòng {record.Line}: tỉnh \"{rowProvince}\" khác \"{province}\"", $"line {record.Line}: province \"{rowProvince}\" differs from \"{province}\"");
                }
            }


            builder.AddRow(new SurveyRow(
                location,
                Field(Column("district")),
                string.IsNullOrWhiteSpace(Field(districtKind)) ? null : Field(districtKind),
                Field(Column("bloc")),
                Field(Column("id")),
                Field(Column("name")),
                Field(Column("kind")),
                Field(Column("members"))));
        }

        return builder.Build(province, null, [], null);
    }
}
