using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using OrgRestructure.Hosting.Telemetry;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// Who is calling and what they may do, the same on every node: accounts, tokens and the
/// data-protection keys that sign cookies and antiforgery tokens all live in the store's database;
/// endpoints carry authorization policies; sign-ins are rate-limited per client.
/// </summary>
public static class FrontDoorSetup
{
    public const string SmartScheme = "cookie-or-bearer";

    public static IServiceCollection AddFrontDoor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSharedState();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<Accounts.AccountAdministration>();
        services.AddHostedService<AccountRefresher>();

        // HAProxy (deploy/cluster.sh) on loopback says who the client is and whether it came over TLS.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = ctx =>
                BearerTokenHandler.TokenOf(ctx.Request) is not null ? BearerTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.Cookie.Name = "orgrestructure.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = RevalidateCookieAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, MetricsScrapeHandler>(MetricsScrapeHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, Policies.ProblemResultHandler>();
        services.AddRateLimiter(o => SignInLimits.Configure(o, configuration));
        return services;
    }

    /// <summary>Maps <paramref name="map"/>'s endpoints with the default policies applied after their own conventions.</summary>
    public static IEndpointRouteBuilder MapWithPolicies(this IEndpointRouteBuilder app, Action<IEndpointRouteBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var group = app.MapGroup(string.Empty);
        ((IEndpointConventionBuilder)group).Finally(Policies.ApplyDefaults);
        map(group);
        return app;
    }

    /// <summary>
    /// A cookie is as good as its account is now: disabled, re-scoped or given a new password since
    /// it was issued (another stamp), it signs the browser out — on whichever node it arrives.
    /// </summary>
    private static async Task RevalidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        if (await AccountClaims.RevalidateAsync(context.Principal, users, CookieAuthenticationDefaults.AuthenticationScheme, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A scraper of /metrics, like an API client, follows no redirect to a sign-in page.
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(TelemetryExtensions.MetricsPath))
        {
            return status == StatusCodes.Status401Unauthorized
                ? Problems.WriteAsync(context.HttpContext, status, "Bạn cần đăng nhập (cookie hoặc Bearer token).", "Sign in first (cookie or bearer token).")
                : Problems.WriteAsync(context.HttpContext, status, "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.");
        }

        if (status == StatusCodes.Status403Forbidden)
        {
            // A signed-in person on a page that is not theirs: say so here, in both languages.
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(ErrorPage.Render(status, "Trang này dành cho người có quyền khác.", "This page is for another role."));
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
