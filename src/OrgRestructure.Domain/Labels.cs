using System.Text;
using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Personnel;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain;

/// <summary>Vietnamese and English labels for the domain's enums (UI, CLI, explanations), and the survey codes.</summary>
public static class Labels
{
    public static BilingualText Of(Bloc bloc) => bloc switch
    {
        Bloc.PartyAgencies => new("Khối các cơ quan Đảng", "Party-agencies bloc"),
        Bloc.FrontAndMassOrganizations => new("Khối Mặt trận, đoàn thể", "Front-and-mass-organizations bloc"),
        Bloc.Government => new("Khối chính quyền", "Government bloc"),
        _ => throw new ArgumentOutOfRangeException(nameof(bloc), bloc, null),
    };

    public static BilingualText Of(OrganizationKind kind) => kind switch
    {
        OrganizationKind.GrassrootsCell => new("chi bộ cơ sở", "grassroots party cell"),
        OrganizationKind.GrassrootsCommittee => new("đảng bộ cơ sở", "grassroots party committee"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static BilingualText Of(ConfidenceVerdict verdict) => verdict switch
    {
        ConfidenceVerdict.Passes => new("đạt", "passes"),
        ConfidenceVerdict.Fails => new("không đạt", "fails"),
        ConfidenceVerdict.HeadDecides => new("người đứng đầu quyết định", "the head decides"),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static BilingualText Of(DistrictKind kind) => kind switch
    {
        DistrictKind.RuralDistrict => new("huyện", "district"),
        DistrictKind.UrbanDistrict => new("quận", "urban district"),
        DistrictKind.City => new("thành phố", "city"),
        DistrictKind.Town => new("thị xã", "town"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static BilingualText Of(Position position) => position switch
    {
        Position.ExecutiveCommitteeMember => new("ủy viên ban chấp hành", "executive committee member"),
        Position.StandingCommitteeMember => new("ủy viên ban thường vụ", "standing committee member"),
        Position.Secretary => new("bí thư", "secretary"),
        Position.DeputySecretary => new("phó bí thư", "deputy secretary"),
        Position.InspectionCommitteeMember => new("ủy viên ủy ban kiểm tra", "inspection committee member"),
        Position.InspectionCommitteeChair => new("chủ nhiệm ủy ban kiểm tra", "inspection committee chair"),
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, null),
    };

    /// <summary>The code used in survey files: "huyện", "thành phố"… (the Vietnamese word itself).</summary>
    public static string Code(DistrictKind kind) => Of(kind).Vi;

    /// <summary>The code used in survey files: "party-agencies", "front-and-mass-organizations", "government".</summary>
    public static string Code(Bloc bloc) => bloc switch
    {
        Bloc.PartyAgencies => "party-agencies",
        Bloc.FrontAndMassOrganizations => "front-and-mass-organizations",
        Bloc.Government => "government",
        _ => throw new ArgumentOutOfRangeException(nameof(bloc), bloc, null),
    };

    /// <summary>The code used in survey files: "chi-bo-co-so", "dang-bo-co-so".</summary>
    public static string Code(OrganizationKind kind) => kind switch
    {
        OrganizationKind.GrassrootsCell => "chi-bo-co-so",
        OrganizationKind.GrassrootsCommittee => "dang-bo-co-so",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParseBloc(string? code, out Bloc bloc) => TryParse(code, Enum.GetValues<Bloc>(), Code, out bloc);

    public static bool TryParseKind(string? code, out OrganizationKind kind) => TryParse(code, Enum.GetValues<OrganizationKind>(), Code, out kind);

    public static bool TryParseDistrictKind(string? code, out DistrictKind kind) =>
        TryParse(code, Enum.GetValues<DistrictKind>(), Code, out kind) || TryParse(code, Enum.GetValues<DistrictKind>(), k => Of(k).En, out kind);

    private static bool TryParse<T>(string? code, T[] values, Func<T, string> codeOf, out T value)
        where T : struct, Enum
    {
        var trimmed = (code ?? "").Trim().Normalize(NormalizationForm.FormC);
        foreach (var candidate in values)
        {
            if (string.Equals(codeOf(candidate), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
