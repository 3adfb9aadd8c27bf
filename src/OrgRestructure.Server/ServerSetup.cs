using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using OrgRestructure.Hosting.Composition;
using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Hosting.Logging;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Features.Accounts;
using OrgRestructure.Server.Features.Audit;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Dashboard;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Errors;
using OrgRestructure.Server.Features.Localization;
using OrgRestructure.Server.Features.Notifications;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Server.Features.Surveys;
using OrgRestructure.Server.Features.Tasks;
using OrgRestructure.Workflows.ReadModels;

namespace OrgRestructure.Server;

/// <summary>Everything Program.cs needs, so Program.cs stays a handful of lines.</summary>
public static class ServerSetup
{
    public static WebApplicationBuilder AddOrgRestructureServer(this WebApplicationBuilder builder)
    {
        var settings = OrgRestructureSettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton<IParticipantDirectory, UserParticipantDirectory>();
        services.AddOrgRestructure(settings);
        services.AddFrontDoor(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = BodyLimitMiddleware.MaxBodyBytes);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Auth/Login");
            o.Conventions.AllowAnonymousToPage("/Errors/Status");
        });
        services.AddSingleton<CaseService>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<Features.Cases.Dossier.DossierService>();
        services.AddSingleton<Features.Campaigns.OrganizationNames>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<CampaignProgressReadModel>();
        services.AddSingleton<NationalDashboardService>();
        services.AddScoped<Text>();
        services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication UseOrgRestructureServer(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseOrgRestructureRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<SlowRequestMiddleware>();
        // Outside the exception handler, so a page's "not found" thrown as an exception reaches the same page as an unknown address.
        app.UseStatusCodePages(WriteStatusCodeAsync);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteExceptionAsync,

            // A refused request (4xx) is an answer, not a server error: only 5xx are logged, by WriteExceptionAsync.
            SuppressDiagnosticsCallback = _ => true,

            // A browser's 404 is left empty for the status code pages to answer with the page in the layout.
            AllowStatusCode404Response = true,
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOrgRestructureCaseLogScope();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapOpenApi().AllowAnonymous();
        app.MapWithPolicies(api => api.MapAuth().MapAccounts().MapSurveys().MapCampaigns().MapNationalCampaign().MapCases().MapTasks().MapAudit().MapDefinitions().MapNotifications().MapDashboard());
        app.MapRazorPages();
        app.MapLocalizationSwitch();
        app.MapGet("/favicon.ico", () => TypedResults.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
        return app;
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
            if (ShowsPageInLayout(context))
            {
                return;
            }

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
        var (vi, en) = StatusMessages.Of(status);
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi"))
        {
            await Problems.WriteAsync(http, status, vi, en);
        }
        else if (ShowsPageInLayout(http))
        {
            await ReExecuteAsync(context, $"/error/{status}");
        }
        else
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(ErrorPage.Render(status, vi, en));
        }
    }

    /// <summary>A page the browser asked for and did not find: shown inside the layout (GET and HEAD only, since the page only reads).</summary>
    private static bool ShowsPageInLayout(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status404NotFound
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/openapi");

    /// <summary>Runs the rest of the pipeline again for <paramref name="path"/>, as the framework's re-execute does, keeping the status.</summary>
    private static async Task ReExecuteAsync(StatusCodeContext context, string path)
    {
        var http = context.HttpContext;
        var (originalPath, originalQuery) = (http.Request.Path, http.Request.QueryString);
        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = originalPath.Value ?? string.Empty,
            OriginalPathBase = http.Request.PathBase.Value ?? string.Empty,
            OriginalQueryString = originalQuery.HasValue ? originalQuery.Value : null,
        });
        http.SetEndpoint(null);
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IRouteValuesFeature>()?.RouteValues.Clear();
        http.Request.Path = path;
        http.Request.QueryString = QueryString.Empty;
        try
        {
            await context.Next(http);
        }
        finally
        {
            http.Request.Path = originalPath;
            http.Request.QueryString = originalQuery;
            http.Features.Set<IStatusCodeReExecuteFeature?>(null);
        }
    }
}
