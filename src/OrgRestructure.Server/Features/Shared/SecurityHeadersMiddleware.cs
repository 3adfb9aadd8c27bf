namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// Security headers on every response: nosniff, no framing, same-origin referrers, and HSTS when
/// the request came over HTTPS. No script-src: the task page has an inline script.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var https = context.Request.IsHttps;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            headers["Referrer-Policy"] = "same-origin";
            if (https)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
