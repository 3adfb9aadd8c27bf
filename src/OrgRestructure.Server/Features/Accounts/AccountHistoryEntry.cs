using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Features.Accounts;

/// <summary>One change of an account as the page and GET /api/accounts/{user}/history show it: what, by whom, when, in both languages.</summary>
public sealed record AccountHistoryEntry(long Version, DateTimeOffset At, string Actor, string ByVi, string ByEn, string Kind, string SummaryVi, string SummaryEn, string Hash)
{
    public static IReadOnlyList<AccountHistoryEntry> Of(IReadOnlyList<AccountChange> changes) =>
        [.. changes.Select(c =>
        {
            var (vi, en) = Describe(c.Change);
            var @operator = c.Actor.StartsWith(AccountHistory.OperatorPrefix, StringComparison.Ordinal) ? c.Actor[AccountHistory.OperatorPrefix.Length..] : null;
            return new AccountHistoryEntry(
                c.Version, c.At, c.Actor,
                @operator is null ? c.Actor : $"người vận hành {@operator} (dòng lệnh)",
                @operator is null ? c.Actor : $"operator {@operator} (command line)",
                c.Change.GetType().Name, vi, en, c.Hash);
        })];

    private static (string Vi, string En) Describe(IAccountEvent change) => change switch
    {
        AccountCreated c => ($"Tạo tài khoản: {RoleVi(c.Role)}, {c.District ?? c.Province}", $"Account created: {RoleEn(c.Role)}, {c.District ?? c.Province}"),
        AccountDisabled => ("Vô hiệu hóa (đăng xuất ở mọi nơi)", "Disabled (signed out everywhere)"),
        AccountEnabled => ("Mở lại", "Enabled again"),
        AccountRoleChanged c => (
            $"Đổi vai trò: {RoleVi(c.FromRole)}{Scope(c.FromDistrict)} → {RoleVi(c.Role)}{Scope(c.District)}",
            $"Role changed: {RoleEn(c.FromRole)}{Scope(c.FromDistrict)} → {RoleEn(c.Role)}{Scope(c.District)}"),
        AccountPasswordReset => ("Quản trị viên đặt lại mật khẩu", "Password reset by an administrator"),
        AccountPasswordChanged => ("Người dùng tự đổi mật khẩu", "Password changed by its holder"),
        _ => (change.GetType().Name, change.GetType().Name),
    };

    private static string Scope(string? district) => district is null ? string.Empty : $" ({district})";

    private static string RoleVi(string role) => Enum.TryParse<Role>(role, out var r) ? Roles.Vietnamese(r) : role;

    private static string RoleEn(string role) => Enum.TryParse<Role>(role, out var r) ? Roles.English(r) : role;
}
