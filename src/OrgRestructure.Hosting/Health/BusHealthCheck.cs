using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrgRestructure.Hosting.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrgRestructure.Hosting.Health;

/// <summary>
/// Is the message bus reachable: with RabbitMQ configured, a real AMQP connection is opened and
/// closed; the in-memory transport lives in the process and is always there.
/// </summary>
public sealed class BusHealthCheck(OrgRestructureSettings settings) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!settings.UsesRabbitMq)
        {
            return HealthCheckResult.Healthy("in-memory transport", new Dictionary<string, object> { ["backend"] = "in-memory" });
        }

        var data = new Dictionary<string, object> { ["backend"] = "RabbitMQ" };
        if (!Uri.TryCreate(settings.RabbitMqUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            return HealthCheckResult.Unhealthy("RabbitMQ URI is invalid: expected amqp://user:password@host:port/vhost", data: data);
        }

        // Never echo the password.
        var where = $"{uri.Host}:{(uri.IsDefaultPort ? 5672 : uri.Port)}{uri.AbsolutePath}";
        data["server"] = where;
        var factory = new ConnectionFactory
        {
            Uri = uri,
            RequestedConnectionTimeout = Timeout,
            SocketReadTimeout = Timeout,
            SocketWriteTimeout = Timeout,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "orgrestructure-health",
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
            return HealthCheckResult.Healthy($"RabbitMQ at {where} is reachable", data);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ at {where} is unreachable: {ex.GetBaseException().Message}", ex, data);
        }
    }
}
