using System.Globalization;
using System.Text;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// The demo accounts of the embedded default (listed in README): one province board, one auditor,
/// one administrator, and per district a standing committee, organization board, inspection
/// committee and reviewer named <c>{district-slug}.{thuongvu|bantochuc|ubkt|reviewer}</c>.
/// With an e-mail domain (<see cref="EmailDomainKey"/>) each account gets <c>{user}@{domain}</c>,
/// so a demo with SMTP configured e-mails its notifications.
/// </summary>
public static class DemoUsers
{
    public const string Password = "QuangNam@2014";

    public const string EmailDomainKey = "DemoUsers:EmailDomain";

    public static void Seed(UserDirectory users, string province, IEnumerable<string> districts, string? emailDomain = null)
    {
        var provinceBoard = new Caller("tinh.bantochuc", "Ban Tổ chức Tỉnh ủy " + province, Role.ProvinceOrganizationBoard, province, null);
        var hash = users.HashPassword(provinceBoard, Password);
        void Add(Caller caller) => users.AddHashed(caller, hash, string.IsNullOrWhiteSpace(emailDomain) ? null : $"{caller.UserName}@{emailDomain.Trim()}");
        Add(provinceBoard);
        Add(new Caller("auditor", "Kiểm toán viên", Role.Auditor, province, null));
        Add(new Caller("admin", "Quản trị viên", Role.Administrator, province, null));
        foreach (var district in districts)
        {
            var slug = Slug(district).Replace("-", string.Empty, StringComparison.Ordinal);
            Add(new Caller($"{slug}.thuongvu", $"Ban Thường vụ {district}", Role.DistrictStandingCommittee, province, district));
            Add(new Caller($"{slug}.bantochuc", $"Ban Tổ chức {district}", Role.DistrictOrganizationBoard, province, district));
            Add(new Caller($"{slug}.ubkt", $"UBKT {district}", Role.InspectionCommittee, province, district));
            Add(new Caller($"{slug}.reviewer", $"Người duyệt {district}", Role.Reviewer, province, district));
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
