using System.Globalization;
using System.Text;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// The demo accounts of the embedded default (listed in README): one province board, one auditor,
/// one administrator, and per district a standing committee, organization board, inspection
/// committee and reviewer named <c>{district-slug}.{thuongvu|bantochuc|ubkt|reviewer}</c>.
/// </summary>
public static class DemoUsers
{
    public const string Password = "QuangNam@2014";

    public static void Seed(UserDirectory users, string province, IEnumerable<string> districts)
    {
        var provinceBoard = new Caller("tinh.bantochuc", "Ban Tổ chức Tỉnh ủy " + province, Role.ProvinceOrganizationBoard, province, null);
        var hash = users.HashPassword(provinceBoard, Password);
        users.AddHashed(provinceBoard, hash);
        users.AddHashed(new Caller("auditor", "Kiểm toán viên", Role.Auditor, province, null), hash);
        users.AddHashed(new Caller("admin", "Quản trị viên", Role.Administrator, province, null), hash);
        foreach (var district in districts)
        {
            var slug = Slug(district).Replace("-", string.Empty, StringComparison.Ordinal);
            users.AddHashed(new Caller($"{slug}.thuongvu", $"Ban Thường vụ {district}", Role.DistrictStandingCommittee, province, district), hash);
            users.AddHashed(new Caller($"{slug}.bantochuc", $"Ban Tổ chức {district}", Role.DistrictOrganizationBoard, province, district), hash);
            users.AddHashed(new Caller($"{slug}.ubkt", $"UBKT {district}", Role.InspectionCommittee, province, district), hash);
            users.AddHashed(new Caller($"{slug}.reviewer", $"Người duyệt {district}", Role.Reviewer, province, district), hash);
        }
    }

    /// <summary>"Duy Xuyên" → "duy-xuyen" (diacritics and đ folded).</summary>
    public static string Slug(string text)
    {
        var normalized = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var ch in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-');
        }

        return string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
