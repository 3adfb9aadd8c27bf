using System.Globalization;
using System.Text;
using OrgRestructure.Domain.Organizations;

namespace OrgRestructure.Domain.Planning;

/// <summary>Proposed names and stable ids for new committees, in the style of the survey's names.</summary>
public static class CommitteeNames
{
    /// <summary>"Đảng bộ Khối Chính quyền huyện Duy Xuyên", "Đảng bộ Khối Đảng - Mặt trận - Đoàn thể huyện Nông Sơn".</summary>
    public static string Vi(District district, IReadOnlyList<Bloc> blocs)
    {
        ArgumentNullException.ThrowIfNull(district);
        var blocPart = blocs.Count == 1
            ? blocs[0] switch
            {
                Bloc.PartyAgencies => "các cơ quan Đảng",
                Bloc.FrontAndMassOrganizations => "Mặt trận và các đoàn thể",
                _ => "Chính quyền",
            }
            : string.Join(" - ", blocs.Select(b => b switch
            {
                Bloc.PartyAgencies => "Đảng",
                Bloc.FrontAndMassOrganizations => "Mặt trận - Đoàn thể",
                _ => "Chính quyền",
            }));
        return $"Đảng bộ Khối {blocPart} {district.QualifiedNameVi}";
    }

    /// <summary>"Party Committee of the Government Bloc, Duy Xuyên district"; "… of the Party - Front and Mass Organizations Bloc, …".</summary>
    public static string En(District district, IReadOnlyList<Bloc> blocs)
    {
        ArgumentNullException.ThrowIfNull(district);
        var names = blocs.Select(b => b switch
        {
            Bloc.PartyAgencies => blocs.Count == 1 ? "Party Agencies" : "Party",
            Bloc.FrontAndMassOrganizations => "Front and Mass Organizations",
            _ => "Government",
        }).ToList();
        var blocPart = string.Join(" - ", names);
        return $"Party Committee of the {blocPart} Bloc, {district.QualifiedNameEn}";
    }

    /// <summary>"duy-xuyen-government", "nong-son-party-front": ASCII, lower case, like the survey's ids.</summary>
    public static string Id(District district, IReadOnlyList<Bloc> blocs)
    {
        ArgumentNullException.ThrowIfNull(district);
        var parts = blocs.Select(b => b switch
        {
            Bloc.PartyAgencies => "party",
            Bloc.FrontAndMassOrganizations => "front",
            _ => "government",
        });
        return Slug(district.Name) + "-" + string.Join("-", parts);
    }

    /// <summary>Vietnamese text without diacritics, lower case, words joined by '-'.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
