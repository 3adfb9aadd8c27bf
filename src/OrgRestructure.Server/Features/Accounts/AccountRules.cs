using System.Text.RegularExpressions;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Accounts;

/// <summary>What a new or changed account must satisfy; each refusal names the field in both languages.</summary>
public static partial class AccountRules
{
    public const int MinPasswordLength = 10;

    public static void CheckPassword(string password, string field = "newPassword")
    {
        if (password.Length < MinPasswordLength)
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]>
            {
                [field] = [$"Mật khẩu cần ít nhất {MinPasswordLength} ký tự / at least {MinPasswordLength} characters"],
            });
        }
    }

    /// <summary>A new password typed twice on a page must be typed the same (the refusal is on the second field).</summary>
    public static void CheckTypedTwice(string? password, string? again)
    {
        if (!string.IsNullOrEmpty(password) && !string.Equals(password, again, StringComparison.Ordinal))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["confirmPassword"] = ["Không khớp với mật khẩu mới / does not match the new password"] });
        }
    }

    public static Role ParseRole(string? role) =>
        Enum.TryParse<Role>(role, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw RequestRejectedException.Invalid(new Dictionary<string, string[]>
            {
                ["role"] = [$"Vai trò không có; chọn một trong: {string.Join(", ", Roles.All.Select(Roles.Vietnamese))} / no such role; choose one of: {string.Join(", ", Roles.All.Select(Roles.English))}"],
            });

    /// <summary>
    /// A role a province's administrator may give: any but the central board's, whose accounts read
    /// every province and are added by an operator (<c>orgrestructure users add</c>).
    /// </summary>
    public static Role GrantableInProvince(Role role) =>
        Roles.IsNational(role)
            ? throw RequestRejectedException.Invalid(new Dictionary<string, string[]>
            {
                ["role"] = ["Tài khoản Ban Tổ chức Trung ương do người vận hành hệ thống tạo / the central organization board's accounts are added by an operator"],
            })
            : role;

    /// <summary>The district an account of <paramref name="role"/> needs: none for province-wide roles, one for the others.</summary>
    public static string? DistrictFor(Role role, string? district)
    {
        if (Roles.IsProvinceWide(role))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(district)
            ? throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["district"] = ["Vai trò cấp huyện cần huyện / a district role needs its district"] })
            : district.Trim();
    }

    public static void CheckUserName(string? userName)
    {
        if (userName is null || !UserNamePattern().IsMatch(userName))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]>
            {
                ["userName"] = ["3–64 chữ thường, số, dấu chấm, gạch / 3–64 lower-case letters, digits, dots, dashes"],
            });
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();
}
