using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Messaging;
using Serilog;
using Serilog.Events;

namespace OrgRestructure.Hosting.Logging;

/// <summary>
/// One completion event per request (Serilog.AspNetCore) with who asked, the case and task it was
/// about, the status and the time taken; and, from routing on, every line written while the
/// request runs carries the same case scope (<see cref="CaseLogScope"/>).
/// </summary>
public static class RequestLogging
{
    public const string Template = "{RequestMethod} {RequestPath} by {Actor} answered {StatusCode} in {Elapsed:0.0} ms";

    /// <summary>A request this slow is logged as a warning.</summary>
    public static readonly TimeSpan SlowAfter = TimeSpan.FromSeconds(10);

    /// <summary>Early in the pipeline, so the event times the whole request.</summary>
    public static IApplicationBuilder UseOrgRestructureRequestLogging(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetRequiredService<ILogger>();
            o.MessageTemplate = Template;
            o.GetLevel = (context, elapsedMs, error) =>
                error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : elapsedMs >= SlowAfter.TotalMilliseconds ? LogEventLevel.Warning
                : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                var (caseId, task, actor, correlation) = Describe(context);
                diagnostics.Set(CaseLogScope.Actor, actor);
                diagnostics.Set(CaseLogScope.CorrelationId, correlation);
                if (caseId is not null)
                {
                    diagnostics.Set(CaseLogScope.CaseId, caseId);
                }

                if (task is not null)
                {
                    diagnostics.Set(CaseLogScope.TaskId, task);
                }
            };
        });
    }

    /// <summary>After authentication (the actor is known) and routing (the case id is).</summary>
    public static IApplicationBuilder UseOrgRestructureCaseLogScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var (caseId, task, actor, correlation) = Describe(context);
            if (caseId is null)
            {
                await next(context);
                return;
            }

            Activity.Current?.SetTag(MessagingMetrics.CaseIdTag, caseId);
            var logger = context.RequestServices.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("OrgRestructure.Requests");
            using (logger.BeginCaseScope(caseId, actor: actor, correlationId: correlation, taskId: task))
            {
                await next(context);
            }
        });

    private static (string? CaseId, string? Task, string Actor, string Correlation) Describe(HttpContext context) =>
        (context.GetRouteValue("caseId") as string,
         context.GetRouteValue("taskId") as string,
         context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "anonymous",
         Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
}
