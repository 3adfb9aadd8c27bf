using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Accounts;

/// <summary>
/// The administrator's page: the province's accounts, a new account, disable and enable, one
/// account's history (<c>?history=user</c>) and its role, scope and password (<c>?account=user</c>),
/// each through <see cref="AccountAdministration"/> as the API.
/// </summary>
[Authorize(Policy = Policies.Administers)]
public sealed class IndexModel(AccountAdministration accounts) : AppPage
{
    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];

    [BindProperty]
    public NewAccountForm Form { get; set; } = new();

    /// <summary>The account whose history is shown, if any.</summary>
    [BindProperty(SupportsGet = true, Name = "history")]
    public string? HistoryOf { get; set; }

    public IReadOnlyList<AccountHistoryEntry> History { get; private set; } = [];

    /// <summary>The account whose role, scope and password the page offers to change, if any.</summary>
    [BindProperty(SupportsGet = true, Name = "account")]
    public string? ChangeOf { get; set; }

    public AccountView? Changed { get; private set; }

    /// <summary>Which form a refusal is about, so its field errors show next to that form's fields only.</summary>
    public string? Posted { get; private set; }

    /// <summary>A field's refusal for the form that was posted.</summary>
    public string ErrorOf(string form, string field) => Posted == form ? ErrorOf(field) : string.Empty;

    public async Task OnGetAsync()
    {
        Accounts = await accounts.ListAsync(Me, HttpContext.RequestAborted);
        var shown = Accounts.FirstOrDefault(a => string.Equals(a.UserName, HistoryOf, StringComparison.OrdinalIgnoreCase));
        HistoryOf = shown?.UserName;
        History = shown is null ? [] : AccountHistoryEntry.Of(await accounts.HistoryAsync(Me, shown.UserName, HttpContext.RequestAborted));
        Changed = Accounts.FirstOrDefault(a => string.Equals(a.UserName, ChangeOf, StringComparison.OrdinalIgnoreCase));
        ChangeOf = Changed?.UserName;
    }

    public Task<IActionResult> OnPostCreateAsync() => TryAsync(async () =>
    {
        Posted = "create";
        var created = await accounts.CreateAsync(Me, new NewAccount(Form.UserName, Form.DisplayName, Form.Email, Form.Role, Form.District, Form.Password), HttpContext.RequestAborted);
        Flash($"Đã tạo tài khoản {created.UserName}.", $"Account {created.UserName} created.");
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostDisableAsync(string userName) => TryAsync(async () =>
    {
        await accounts.DisableAsync(Me, userName, HttpContext.RequestAborted);
        Flash($"Đã vô hiệu hóa {userName}; tài khoản bị đăng xuất ở mọi nơi.", $"{userName} disabled and signed out everywhere.");
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostEnableAsync(string userName) => TryAsync(async () =>
    {
        await accounts.EnableAsync(Me, userName, HttpContext.RequestAborted);
        Flash($"Đã mở lại {userName}.", $"{userName} enabled again.");
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostRoleAsync(string userName, string? role, string? district) => TryAsync(async () =>
    {
        (Posted, ChangeOf) = ("role", userName);
        var changed = await accounts.ChangeRoleAsync(Me, userName, new RoleChange(role, district), HttpContext.RequestAborted);
        var scope = changed.District is { } d ? $", {d}" : string.Empty;
        Flash(
            $"Đã đổi vai trò của {changed.UserName}: {Roles.Vietnamese(changed.Role)}{scope}; tài khoản bị đăng xuất ở mọi nơi.",
            $"{changed.UserName} is now {Roles.English(changed.Role)}{scope}, and signed out everywhere.");
        return RedirectToPage(new { account = changed.UserName, history = changed.UserName });
    });

    public Task<IActionResult> OnPostPasswordAsync(string userName, string? password, string? confirmPassword) => TryAsync(async () =>
    {
        (Posted, ChangeOf) = ("password", userName);
        AccountRules.CheckTypedTwice(password, confirmPassword);

        var changed = await accounts.ResetPasswordAsync(Me, userName, new PasswordReset(password), HttpContext.RequestAborted);
        Flash(
            $"Đã đặt lại mật khẩu của {changed.UserName}; tài khoản bị đăng xuất ở mọi nơi.",
            $"The password of {changed.UserName} was reset; the account is signed out everywhere.");
        return RedirectToPage(new { account = changed.UserName, history = changed.UserName });
    });

    /// <summary>A refusal about fields is said next to each field; the banner only points at them.</summary>
    protected override async Task OnRefusedAsync()
    {
        var fields = FieldErrors.Count > 0;
        var message = ErrorMessage;
        await OnGetAsync();
        ErrorMessage = fields && Posted is "role" or "password"
            ? T.L($"Chưa thay đổi tài khoản {ChangeOf}: xem các ô được đánh dấu bên dưới.", $"The account {ChangeOf} was not changed: see the fields marked below.")
            : message;
    }

    public sealed class NewAccountForm
    {
        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public string? Role { get; set; }

        public string? District { get; set; }

        public string? Password { get; set; }
    }
}
