using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Localization;

namespace OrgRestructure.Server.Features.Auth;

[EnableRateLimiting(SignInLimits.Policy)]
public sealed class LoginModel(UserDirectory users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Why the last attempt was refused; null before any attempt or after success.</summary>
    public SignInStatus? Refused { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await users.SignInAsync(UserName, Password, HttpContext.RequestAborted);
        if (outcome.Status != SignInStatus.SignedIn)
        {
            Refused = outcome.Status;
            Response.StatusCode = outcome.Status == SignInStatus.Locked ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized;
            return Page();
        }

        var account = outcome.Account!;
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountClaims.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));

        // The language the account chose last, wherever it chose it, is this browser's language too.
        Response.Cookies.Append(Text.CookieName, account.Language, LocalizationEndpoints.CookieOptions);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
