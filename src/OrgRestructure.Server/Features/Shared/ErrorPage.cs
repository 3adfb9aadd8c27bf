using System.Net;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>A minimal bilingual error page for browser requests that fail outside a Razor page.</summary>
public static class ErrorPage
{
    public static string Render(int status, string vi, string en) =>
        $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{status}</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>"
        + $"<body><main class=\"container\"><h1>{status}</h1><p class=\"error\">{WebUtility.HtmlEncode(vi)}</p><p class=\"muted\">{WebUtility.HtmlEncode(en)}</p><p><a href=\"/\">Về trang chủ / Home</a></p></main></body></html>";
}
