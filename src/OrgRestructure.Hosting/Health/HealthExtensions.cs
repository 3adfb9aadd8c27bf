using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrgRestructure.Hosting.Configuration;

namespace OrgRestructure.Hosting.Health;

/// <summary>
/// /health: every registered check (the event store, the bus, and whatever other parts add, e.g.
/// MassTransit's own bus check) as JSON; 200 when all are healthy (or degraded), 503 otherwise.
/// /health/live: 200 while the process serves requests, for a supervisor's liveness probe.
/// </summary>
public static class HealthExtensions
{
    public const string EventStoreCheck = "event-store";
    public const string BusCheck = "bus";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IHealthChecksBuilder AddOrgRestructureHealthChecks(this IServiceCollection services, OrgRestructureSettings settings) =>
        services.AddHealthChecks()
            .AddCheck(EventStoreCheck, new EventStoreHealthCheck(settings), HealthStatus.Unhealthy, ["ready", "event-store"], CheckTimeout)
            .AddCheck(BusCheck, new BusHealthCheck(settings), HealthStatus.Unhealthy, ["ready", "bus"], CheckTimeout);

    public static IEndpointRouteBuilder MapOrgRestructureHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .WithDisplayName("Health");
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous()
            .WithDisplayName("Liveness");
        return endpoints;
    }
}
