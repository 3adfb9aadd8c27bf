using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// Password attempts per client address: <see cref="PerMinuteKey"/> a minute (60 by default) on
/// every sign-in form and API, whichever node they reach through the proxy (the address is the
/// client's, from X-Forwarded-For set by HAProxy). Together with the lock-out after ten wrong
/// passwords this bounds guessing.
/// </summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";
    public const string PerMinuteKey = "FrontDoor:SignInsPerMinute";

    public static void Configure(RateLimiterOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perMinute = Math.Max(1, configuration.GetValue<int?>(PerMinuteKey) ?? 60);
        options.AddPolicy(Policy, context => HttpMethods.IsGet(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reading")
            : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        options.OnRejected = (context, cancellationToken) =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrgRestructure.Server.SignIn")
                .LogWarning("Sign-in attempts from {Address} over the limit", context.HttpContext.Connection.RemoteIpAddress);
            RetryAfterHeader.Set(context.HttpContext.Response, "60");
            const string vi = "Quá nhiều lần đăng nhập; vui lòng thử lại sau một phút.", en = "Too many sign-in attempts; try again in a minute.";
            if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                return new ValueTask(Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, vi, en, retryable: true));
            }

            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
            return new ValueTask(context.HttpContext.Response.WriteAsync(ErrorPage.Render(StatusCodes.Status429TooManyRequests, vi, en), cancellationToken));
        };
    }
}
