using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrgRestructure.Messaging;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for the server: traces of requests, outgoing HTTP, MassTransit's sends and
/// consumes and Npgsql's commands; metrics of requests and the project's own meters (cases
/// started, steps completed, notifications and e-mails sent, see <see cref="WorkflowMetrics"/>
/// and <see cref="MessagingMetrics"/>; relay lag, outbox depth and open tasks, see
/// <see cref="OperationsGauges"/>). Metrics are scraped from /metrics (Prometheus text);
/// traces and metrics also go to an OTLP collector when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>What MassTransit and Npgsql name their ActivitySource and Meter.</summary>
    private static readonly string[] LibrarySources = ["MassTransit", "Npgsql"];

    public static IServiceCollection AddOrgRestructureTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.AddSingleton<OperationsGauges>();
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource(LibrarySources);
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(WorkflowMetrics.MeterName, MessagingMetrics.MeterName, OperationsGauges.MeterName)
                    .AddMeter(LibrarySources)
                    .AddPrometheusExporter();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// /metrics for callers the authorization policy <paramref name="policy"/> admits (an operator's
    /// account, by cookie or bearer token, or the scraper's credential); anyone else is refused
    /// before anything is measured.
    /// </summary>
    public static IEndpointRouteBuilder MapOrgRestructureMetrics(this IEndpointRouteBuilder endpoints, string policy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _ = endpoints.ServiceProvider.GetRequiredService<OperationsGauges>();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(policy);
        return endpoints;
    }
}
