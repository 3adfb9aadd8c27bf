using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using OrgRestructure.Hosting.Composition;
using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Hosting.Logging;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Features.Audit;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Dashboard;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Localization;
using OrgRestructure.Server.Features.Notifications;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Server.Features.Surveys;
using OrgRestructure.Server.Features.Tasks;

namespace OrgRestructure.Server;

/// <summary>Everything Program.cs needs, so Program.cs stays a handful of lines.</summary>
public static class ServerSetup
{
    public const string SmartScheme = "cookie-or-bearer";

    public static WebApplicationBuilder AddOrgRestructureServer(this WebApplicationBuilder builder)
    {
        var settings = OrgRestructureSettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<IParticipantDirectory, UserParticipantDirectory>();
        services.AddOrgRestructure(settings);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ApiGuardMiddleware.MaxBodyBytes);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys")));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Auth/Login");
        });
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.Cookie.Name = "orgrestructure.auth";
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddSingleton<TokenService>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<DashboardService>();
        services.AddScoped<Text>();
        services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication UseOrgRestructureServer(this WebApplication app)
    {
        SeedDemoUsers(app.Services);
        app.UseOrgRestructureRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<SlowRequestMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteExceptionAsync,

            // A refused request (4xx) is an answer, not a server error: only 5xx are logged, by WriteExceptionAsync.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages(WriteStatusCodeAsync);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOrgRestructureCaseLogScope();
        app.UseMiddleware<ApiGuardMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapOpenApi().AllowAnonymous();
        app.MapAuth().MapSurveys().MapCampaigns().MapCases().MapTasks().MapAudit().MapDefinitions().MapNotifications().MapDashboard();
        app.MapRazorPages();
        app.MapLocalizationSwitch();
        app.MapGet("/favicon.ico", () => TypedResults.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static void SeedDemoUsers(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserDirectory>();
        var demo = services.GetRequiredService<DemoData>();
        var survey = demo.LoadSurvey();
        var emailDomain = services.GetRequiredService<IConfiguration>()[DemoUsers.EmailDomainKey];
        DemoUsers.Seed(users, survey?.Province ?? "Quảng Nam", survey?.Districts.Select(d => d.Name) ?? ["Duy Xuyên", "Phước Sơn", "Thăng Bình"], emailDomain);
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return status == StatusCodes.Status401Unauthorized
                ? Problems.WriteAsync(context.HttpContext, status, "Bạn cần đăng nhập (cookie hoặc Bearer token).", "Sign in first (cookie or bearer token).")
                : Problems.WriteAsync(context.HttpContext, status, "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this.");
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task WriteExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, vi, en, errors, retryable) = Problems.Describe(error ?? new InvalidOperationException());
        if (status >= 500)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OrgRestructure.Server").LogError(error, "Unhandled error on {Path}", context.Request.Path);
        }

        if (!context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(ErrorPage.Render(status, vi, en));
            return;
        }

        await Problems.WriteAsync(context, status, vi, en, errors, retryable);
    }

    private static async Task WriteStatusCodeAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (vi, en) = status switch
        {
            404 => ("Không tìm thấy.", "Not found."),
            405 => ("Phương thức không được hỗ trợ cho địa chỉ này.", "Method not allowed for this address."),
            401 => ("Bạn cần đăng nhập.", "Sign in first."),
            403 => ("Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this."),
            415 => ("Kiểu nội dung không được hỗ trợ; hãy gửi application/json.", "Unsupported content type; send application/json."),
            _ => ("Yêu cầu không thành công.", "The request failed."),
        };
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi"))
        {
            await Problems.WriteAsync(http, status, vi, en);
        }
        else
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(ErrorPage.Render(status, vi, en));
        }
    }
}
