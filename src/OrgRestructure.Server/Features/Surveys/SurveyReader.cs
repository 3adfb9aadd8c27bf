using System.Globalization;
using System.Text.Json;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Surveys;

/// <summary>
/// Reads a survey from JSON (the shared file format) or CSV
/// (<c>province,district,bloc,id,name,kind,members</c>) and refuses anything incomplete with
/// every problem listed.
/// </summary>
public static class SurveyReader
{
    public static readonly IReadOnlyList<string> Blocs = ["party-agencies", "front-and-mass-organizations", "government"];

    private static readonly string[] CsvLineError = ["Cần 7 cột, cột cuối là số / 7 columns expected, the last a number"];

    public static Survey Parse(string text, bool csv)
    {
        Survey? survey;
        try
        {
            survey = csv ? ParseCsv(text) : JsonSerializer.Deserialize<Survey>(text);
        }
        catch (JsonException e)
        {
            throw new RequestRejectedException(400, $"Tệp khảo sát không phải JSON hợp lệ (vị trí {e.Path}, dòng {e.LineNumber}).", $"The survey is not valid JSON (at {e.Path}, line {e.LineNumber}).");
        }

        return Validate(survey);
    }

    public static Survey Validate(Survey? survey)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(survey?.Province))
        {
            errors["province"] = ["Thiếu tên tỉnh / province is missing"];
        }

        if (survey?.Districts is not { Count: > 0 } districts)
        {
            errors["districts"] = ["Không có huyện nào / no districts"];
            throw RequestRejectedException.Invalid(errors);
        }

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < districts.Count; d++)
        {
            var district = districts[d];
            if (string.IsNullOrWhiteSpace(district.District))
            {
                errors[$"districts[{d}].district"] = ["Thiếu tên huyện / district name is missing"];
            }

            foreach (var (bloc, b) in (district.Blocs ?? []).Select((x, i) => (x, i)))
            {
                if (!Blocs.Contains(bloc.Bloc ?? string.Empty, StringComparer.Ordinal))
                {
                    errors[$"districts[{d}].blocs[{b}].bloc"] = [$"Khối không hợp lệ: '{bloc.Bloc}' / unknown bloc"];
                }

                foreach (var (org, o) in (bloc.Organizations ?? []).Select((x, i) => (x, i)))
                {
                    var path = $"districts[{d}].blocs[{b}].organizations[{o}]";
                    if (string.IsNullOrWhiteSpace(org.Id) || !seenIds.Add(org.Id))
                    {
                        errors[path + ".id"] = [$"Mã tổ chức thiếu hoặc trùng: '{org.Id}' / organization id missing or used twice"];
                    }

                    if (org.Members is not >= 0)
                    {
                        errors[path + ".members"] = ["Số đảng viên phải là số không âm / members must be a non-negative number"];
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Invalid(errors);
        }

        return survey;
    }

    private static Survey ParseCsv(string text)
    {
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var errors = rows.Select((r, i) => (r, i)).Where(x => x.r.Length != 7 || !int.TryParse(x.r[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            .ToDictionary(x => $"line {x.i + 2}", _ => CsvLineError);
        if (errors.Count > 0)
        {
            throw RequestRejectedException.Invalid(errors);
        }

        var districts = rows.GroupBy(r => r[1]).Select(d => new SurveyDistrict(d.Key, null, [.. d.GroupBy(r => r[2]).Select(b =>
            new SurveyBloc(b.Key, [.. b.Select(r => new SurveyOrganization(r[3], r[4], r[5], int.Parse(r[6], CultureInfo.InvariantCulture)))]))])).ToList();
        return new Survey(rows.FirstOrDefault()?[0], null, null, districts);
    }
}
