using System.Globalization;
using System.Text;
using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Surveys;

/// <summary>
/// Validates rows read from any format and builds the survey, or lists every problem: each names
/// the organization's id (or where it is, when the id itself is missing).
/// </summary>
internal sealed class SurveyBuilder(RuleParameters parameters)
{
    private readonly List<Problem> _problems = [];
    private readonly List<(SurveyRow Row, GrassrootsOrganization? Organization)> _rows = [];
    private readonly Dictionary<string, DistrictKind> _districtKinds = new(StringComparer.Ordinal);
    private readonly List<string> _districtOrder = [];

    public void AddProblem(string code, string subject, string vi, string en) => _problems.Add(new Problem(code, subject, vi, en));

    /// <summary>Declares a district (so an empty one still appears) with its kind; null kind means the default, huyện.</summary>
    public void AddDistrict(string name, string? kindText, (string Vi, string En) location)
    {
        name = Normalize(name)!;
        var kind = DistrictKind.RuralDistrict;
        if (kindText is not null && !Labels.TryParseDistrictKind(kindText, out kind))
        {
            AddProblem("unknown-district-kind", name, $"{location.Vi}: loại đơn vị hành chính không rõ \"{kindText}\"", $"{location.En}: unknown district kind \"{kindText}\"");
            if (_districtKinds.ContainsKey(name))
            {
                return;
            }

            kind = DistrictKind.RuralDistrict;
        }

        if (_districtKinds.TryGetValue(name, out var existing))
        {
            if (existing != kind)
            {
                AddProblem("conflicting-district-kind", name, $"{location.Vi}: loại đơn vị khác với dòng trước ({Labels.Code(existing)} / {Labels.Code(kind)})", $"{location.En}: district kind differs from an earlier row ({Labels.Of(existing).En} / {Labels.Of(kind).En})");
            }

            return;
        }

        _districtKinds[name] = kind;
        _districtOrder.Add(name);
    }

    public bool HasDistrict(string name) => _districtKinds.ContainsKey(Normalize(name)!);

    public void AddRow(SurveyRow row)
    {
        var id = Normalize(row.Id);
        var name = Normalize(row.Name);
        var district = Normalize(row.District);
        var subject = string.IsNullOrEmpty(id) ? row.Location.En : id;
        var at = !string.IsNullOrEmpty(district) && row.Location.En.Contains(district, StringComparison.Ordinal)
            ? row.Location
            : (Vi: $"{row.Location.Vi} ({district ?? "?"})", En: $"{row.Location.En} ({district ?? "?"})");
        var ok = true;

        void Refuse(string code, string vi, string en)
        {
            ok = false;
            AddProblem(code, subject, $"{at.Vi}: {vi}", $"{at.En}: {en}");
        }

        if (string.IsNullOrEmpty(id)) Refuse("missing-id", "thiếu mã tổ chức", "the organization id is missing");
        if (string.IsNullOrEmpty(name)) Refuse("missing-name", "thiếu tên tổ chức", "the organization name is missing");
        if (string.IsNullOrEmpty(district)) Refuse("missing-district", "thiếu tên huyện", "the district is missing");
        if (!Labels.TryParseBloc(row.Bloc, out var bloc))
        {
            Refuse("unknown-bloc", $"khối không rõ \"{row.Bloc}\" (party-agencies, front-and-mass-organizations, government)", $"unknown bloc \"{row.Bloc}\" (party-agencies, front-and-mass-organizations, government)");
        }

        if (!Labels.TryParseKind(row.Kind, out var kind))
        {
            Refuse("unknown-kind", $"loại tổ chức không rõ \"{row.Kind}\" (chi-bo-co-so, dang-bo-co-so)", $"unknown organization kind \"{row.Kind}\" (chi-bo-co-so, dang-bo-co-so)");
        }

        var members = ParseMembers(row, Refuse);
        if (members is { } m && m >= 0 && m < parameters.MinimumFullMembers)
        {
            Refuse("too-few-members", $"{m} đảng viên, ít hơn tối thiểu {parameters.MinimumFullMembers}", $"{m} members, fewer than the minimum {parameters.MinimumFullMembers}");
        }

        // A row naming its district's kind is checked against earlier rows of the same district.
        if (!string.IsNullOrEmpty(district) && (row.DistrictKind is not null || !_districtKinds.ContainsKey(district)))
        {
            AddDistrict(district, row.DistrictKind, row.Location);
        }

        _rows.Add((row with { Id = id, District = district }, ok && members is not null ? new GrassrootsOrganization(id!, name!, bloc, kind, members.Value) : null));
    }

    private static int? ParseMembers(SurveyRow row, Action<string, string, string> refuse)
    {
        var text = row.MembersText?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            refuse("missing-members", "thiếu số đảng viên", "the member count is missing");
            return null;
        }

        if (!row.MembersIsNumber || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var members))
        {
            refuse("invalid-members", $"số đảng viên không phải số nguyên \"{text}\"", $"the member count is not a whole number \"{text}\"");
            return null;
        }

        if (members < 0)
        {
            refuse("negative-members", $"số đảng viên âm ({members})", $"negative member count ({members})");
        }

        return members;
    }

    public DomainResult<Survey> Build(string province, int? year, IReadOnlyList<string> pilots, PublishedTotals? published)
    {
        foreach (var group in _rows.Where(r => !string.IsNullOrEmpty(r.Row.Id)).GroupBy(r => r.Row.Id!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var places = string.Join(", ", group.Select(r => r.Row.Location.Vi));
            var placesEn = string.Join(", ", group.Select(r => r.Row.Location.En));
            AddProblem("duplicate-id", group.Key, $"mã tổ chức bị trùng {group.Count()} lần ({places})", $"organization id used {group.Count()} times ({placesEn})");
        }

        var pilotNames = pilots.Select(p => Normalize(p)!).ToList();
        foreach (var pilot in pilotNames.Where(p => !_districtKinds.ContainsKey(p)))
        {
            AddProblem("unknown-pilot-district", pilot, "huyện thí điểm không có trong khảo sát", "pilot district is not in the survey");
        }

        if (_problems.Count > 0)
        {
            return DomainResult.Failure<Survey>(_problems);
        }

        var districts = _districtOrder
            .Select(name => new District(
                name,
                _districtKinds[name],
                _rows.Where(r => r.Row.District == name).Select(r => r.Organization!).ToList()))
            .ToList();
        return DomainResult.Success(new Survey(Normalize(province) ?? "", year, districts, pilotNames, published));
    }

    /// <summary>Trimmed and NFC-normalized, so "Điện Bàn" typed with combining marks matches the precomposed form.</summary>
    public static string? Normalize(string? text) =>
        text is null ? null : text.Trim().Normalize(NormalizationForm.FormC);
}
