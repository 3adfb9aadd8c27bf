using System.Globalization;
using System.Text;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// The demo accounts of the embedded default (listed in README): the central organization board, one province board, one auditor,
/// one administrator, and per district a standing committee, organization board, inspection
/// committee and reviewer named <c>{district-slug}.{thuongvu|bantochuc|ubkt|reviewer}</c>.
/// With an e-mail domain (<see cref="EmailDomainKey"/>) each account gets <c>{user}@{domain}</c>,
/// so a demo with SMTP configured e-mails its notifications. They are rows of the store's accounts
/// table like any other account, so every node of a cluster knows them.
/// </summary>
public static class DemoUsers
{
    public const string Password = "QuangNam@2014";

    public const string EmailDomainKey = "DemoUsers:EmailDomain";

    /// <summary>Whether to seed: <c>DemoUsers:Seed</c>, by default only in the embedded default (SQLite).</summary>
    public const string SeedKey = "DemoUsers:Seed";

    /// <summary>Adds the demo accounts that are missing (an account changed since keeps its changes).</summary>
    public static async Task SeedAsync(UserDirectory users, string province, IEnumerable<string> districts, string? emailDomain = null, CancellationToken cancellationToken = default)
    {
        var hash = users.Store.HashPassword(Password);
        var callers = new List<Caller>
        {
            new("trunguong.bantochuc", "Ban Tổ chức Trung ương", Role.CentralOrganizationBoard, Caller.Nationwide, null),
            new("tinh.bantochuc", "Ban Tổ chức Tỉnh ủy " + province, Role.ProvinceOrganizationBoard, province, null),
            new("auditor", "Kiểm toán viên", Role.Auditor, province, null),
            new("admin", "Quản trị viên", Role.Administrator, province, null),
        };
        foreach (var district in districts)
        {
            var slug = Slug(district).Replace("-", string.Empty, StringComparison.Ordinal);
            callers.Add(new Caller($"{slug}.thuongvu", $"Ban Thường vụ {district}", Role.DistrictStandingCommittee, province, district));
            callers.Add(new Caller($"{slug}.bantochuc", $"Ban Tổ chức {district}", Role.DistrictOrganizationBoard, province, district));
            callers.Add(new Caller($"{slug}.ubkt", $"UBKT {district}", Role.InspectionCommittee, province, district));
            callers.Add(new Caller($"{slug}.reviewer", $"Người duyệt {district}", Role.Reviewer, province, district));
        }

        // Hashing is deliberately slow (PBKDF2): the accounts that share the demo password share one hash.
        await users.Store.AddAsync(
            callers.Select(c => AccountClaims.NewAccount(c, hash, string.IsNullOrWhiteSpace(emailDomain) ? null : $"{c.UserName}@{emailDomain.Trim()}")),
            cancellationToken);
        await users.RefreshAsync(cancellationToken);
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
