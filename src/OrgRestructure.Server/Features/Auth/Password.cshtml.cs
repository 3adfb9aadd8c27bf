using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// Every signed-in user's own password: current, new, new again. Changing it signs the account out
/// everywhere else (other browsers, bearer tokens); this browser is signed in again with it.
/// </summary>
[EnableRateLimiting(SignInLimits.Policy)]
public sealed class PasswordModel(UserDirectory users, AccountHistory history) : AppPage
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public int MinLength => Accounts.AccountRules.MinPasswordLength;

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => TryAsync(async () =>
    {
        Accounts.AccountRules.CheckTypedTwice(NewPassword, ConfirmPassword);

        var changed = await OwnPassword.ChangeAsync(users, history, Me, CurrentPassword, NewPassword, HttpContext.RequestAborted);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountClaims.Principal(changed, CookieAuthenticationDefaults.AuthenticationScheme));
        Flash("Đã đổi mật khẩu. Các phiên đăng nhập khác của đồng chí đã bị đăng xuất.", "Password changed. Your other sign-ins have been signed out.");
        return RedirectToPage();
    });

    /// <summary>A refusal about fields is said next to each field; the banner only points at them.</summary>
    protected override Task OnRefusedAsync()
    {
        if (FieldErrors.Count > 0)
        {
            ErrorMessage = T.L("Chưa đổi được mật khẩu: xem các ô được đánh dấu bên dưới.", "The password was not changed: see the fields marked below.");
        }

        return Task.CompletedTask;
    }
}
