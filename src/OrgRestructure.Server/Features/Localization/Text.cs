namespace OrgRestructure.Server.Features.Localization;

/// <summary>
/// The UI language of this request: Vietnamese unless the <c>lang</c> cookie says English. Pages
/// write each string in both languages side by side (<c>T.L("Hộp việc", "Inbox")</c>) so a
/// translation can never go missing.
/// </summary>
public sealed class Text(IHttpContextAccessor accessor)
{
    public const string CookieName = "lang";

    public bool English { get; } = accessor.HttpContext?.Request.Cookies[CookieName] == "en";

    public string Code => English ? "en" : "vi";

    public string L(string vi, string en) => English ? en : vi;

    /// <summary>A case or district status in the page's language.</summary>
    public string Status(string status) => status switch
    {
        "Running" or "Active" => L("Đang thực hiện", "In progress"),
        "Suspended" => L("Tạm dừng", "Suspended"),
        "Completed" => L("Hoàn thành", "Completed"),
        "Cancelled" => L("Đã hủy", "Cancelled"),
        _ => L("Chưa bắt đầu", "Not started"),
    };
}

public static class LocalizationEndpoints
{
    public static CookieOptions CookieOptions => new() { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) };

    /// <summary>GET /lang/{code}?returnUrl=… sets the language cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapLocalizationSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lang/{code}", async (string code, string? returnUrl, HttpContext context, Auth.UserDirectory users) =>
        {
            // A signed-in user's choice is saved on their account: their e-mails follow it, and so
            // does every node and browser they sign in on next.
            if (Auth.Caller.From(context.User) is { } caller)
            {
                await users.PreferLanguageAsync(caller.UserName, code, context.RequestAborted);
            }

            context.Response.Cookies.Append(Text.CookieName, code == "en" ? "en" : "vi", CookieOptions);
            return TypedResults.Redirect(Shared.LocalUrl.OrRoot(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
