using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Accounts;

/// <summary>The administrator's page: the province's accounts, a new account, disable and enable, and one account's history (<c>?history=user</c>).</summary>
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

    public async Task OnGetAsync()
    {
        Accounts = await accounts.ListAsync(Me, HttpContext.RequestAborted);
        var shown = Accounts.FirstOrDefault(a => string.Equals(a.UserName, HistoryOf, StringComparison.OrdinalIgnoreCase));
        HistoryOf = shown?.UserName;
        History = shown is null ? [] : AccountHistoryEntry.Of(await accounts.HistoryAsync(Me, shown.UserName, HttpContext.RequestAborted));
    }

    public Task<IActionResult> OnPostCreateAsync() => TryAsync(async () =>
    {
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

    protected override Task OnRefusedAsync() => OnGetAsync();

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
