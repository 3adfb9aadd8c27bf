using HealthChecks.NpgSql;
using HealthChecks.RabbitMQ;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OrgRestructure.Hosting.Configuration;

namespace OrgRestructure.Hosting.Health;

/// <summary>
/// /health: every registered check (the event store, the bus, and whatever other parts add, e.g.
/// MassTransit's own bus check and the messaging monitor) as JSON; 200 when all are healthy (or
/// degraded), 503 otherwise. The connection probes are AspNetCore.HealthChecks.NpgSql and
/// .Rabbitmq; SQLite and the in-memory bus are the project's own.
/// /health/live: 200 while the process serves requests, for a supervisor's liveness probe.
/// </summary>
public static class HealthExtensions
{
    public const string EventStoreCheck = "event-store";
    public const string BusCheck = "bus";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IHealthChecksBuilder AddOrgRestructureHealthChecks(this IServiceCollection services, OrgRestructureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (RabbitMqUri(settings) is { } rabbit)
        {
            services.AddSingleton(new RabbitMqHealthConnection(rabbit));
        }

        return services.AddHealthChecks()
            .Add(new HealthCheckRegistration(EventStoreCheck, _ => EventStore(settings), HealthStatus.Unhealthy, ["ready", "event-store"], CheckTimeout))
            .Add(new HealthCheckRegistration(BusCheck, sp => Bus(settings, sp), HealthStatus.Unhealthy, ["ready", "bus"], CheckTimeout));
    }

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

    private static IHealthCheck EventStore(OrgRestructureSettings settings)
    {
        if (!settings.UsesPostgres)
        {
            return new SqliteHealthCheck(settings.SqlitePath);
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            // Unpooled: a restarted or vanished server is seen at once, not through a stale pooled connection.
            builder = new NpgsqlConnectionStringBuilder(settings.EventStoreConnectionString) { Pooling = false, Timeout = 3, CommandTimeout = 3 };
        }
        catch (ArgumentException)
        {
            return new Fixed(NamedServerHealthCheck.Invalid("PostgreSQL", "Host=…;Database=…;Username=…"));
        }

        return new NamedServerHealthCheck("PostgreSQL", $"{builder.Host}:{builder.Port}/{builder.Database}", new NpgSqlHealthCheck(new NpgSqlHealthCheckOptions(builder.ConnectionString)));
    }

    private static IHealthCheck Bus(OrgRestructureSettings settings, IServiceProvider services)
    {
        if (!settings.UsesRabbitMq)
        {
            return new Fixed(HealthCheckResult.Healthy("in-memory transport", new Dictionary<string, object> { ["backend"] = "in-memory" }));
        }

        if (RabbitMqUri(settings) is not { } uri)
        {
            return new Fixed(NamedServerHealthCheck.Invalid("RabbitMQ", "amqp://user:password@host:port/vhost"));
        }

        var connection = services.GetRequiredService<RabbitMqHealthConnection>();
        return new NamedServerHealthCheck(
            "RabbitMQ",
            $"{uri.Host}:{(uri.IsDefaultPort ? 5672 : uri.Port)}{uri.AbsolutePath}",
            new RabbitMQHealthCheck(services, _ => connection.GetAsync()));
    }

    private static Uri? RabbitMqUri(OrgRestructureSettings settings) =>
        settings.UsesRabbitMq && Uri.TryCreate(settings.RabbitMqUri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" ? uri : null;

    /// <summary>A check whose answer is known from the settings alone.</summary>
    private sealed class Fixed(HealthCheckResult result) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Task.FromResult(result);
    }
}
