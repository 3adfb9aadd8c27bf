using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrgRestructure.Messaging.Relay;

namespace OrgRestructure.Messaging.Health;

/// <summary>"messaging" in /health: unhealthy while the watchdog finds the bus unable to consume; reports the relay's progress.</summary>
public sealed class MessagingHealthCheck(BusHealthState bus, RelayStatus relay) : IHealthCheck
{
    public const string Name = "messaging";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["bus"] = bus.Description,
            ["busRestarts"] = bus.Restarts,
            ["endpointRestarts"] = bus.EndpointRestarts,
            ["relayLeader"] = relay.IsLeader,
            ["relayPosition"] = relay.Position,
            ["relayPublished"] = relay.Published,
        };
        if (relay.LastError is { } error)
        {
            data["relayError"] = error;
        }

        return Task.FromResult(bus.IsHealthy
            ? HealthCheckResult.Healthy(bus.Description, data)
            : HealthCheckResult.Unhealthy(bus.Description, data: data));
    }
}
