using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrgRestructure.Messaging.Relay;

namespace OrgRestructure.Messaging.Health;

/// <summary>"messaging" in /health: unhealthy while the health monitor finds the bus unable to consume; reports the relay's progress.</summary>
public sealed class MessagingHealthCheck(BusHealthState bus, RelayStatus relay) : IHealthCheck
{
    public const string Name = "messaging";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["bus"] = bus.Description,
            ["lastProbeReceivedAt"] = bus.LastProbeReceivedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never",
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
