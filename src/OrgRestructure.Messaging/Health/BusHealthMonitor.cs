using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrgRestructure.Messaging.Health;

/// <summary>
/// Finds out, every <see cref="MessagingOptions.ProbeInterval"/>, whether this node's bus still
/// consumes, and records it in <see cref="BusHealthState"/> for /health. It only reports:
/// MassTransit 8.5 reconnects its transports by itself after a broker restart or RabbitMQ's
/// consumer_timeout, so nothing here stops or starts the bus. Three signals, any of which makes
/// the node unhealthy: MassTransit's own bus health (which covers its receive endpoints), a probe
/// this node sends to its own queue not coming back, and (RabbitMQ) a consumer queue with no
/// consumer at all — the last one is what no single node's bus can see.
/// </summary>
public sealed partial class BusHealthMonitor(
    IBusControl bus,
    BusHealthState state,
    MessagingOptions options,
    TimeProvider clock,
    ILogger<BusHealthMonitor> logger,
    QueueConsumerProbe? queueProbe = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (healthy, description) = await CheckAsync(clock.GetUtcNow(), stoppingToken);
                var wasHealthy = state.IsHealthy;
                state.Report(healthy, description, clock.GetUtcNow());
                if (wasHealthy != healthy)
                {
                    LogHealthChanged(logger, healthy, description);
                }
            }
#pragma warning disable CA1031 // A failed check is reported on the next round; the monitor must outlive it.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogCheckFailed(logger, ex);
            }

            await Task.Delay(options.ProbeInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<(bool Healthy, string Description)> CheckAsync(DateTimeOffset sentAt, CancellationToken stoppingToken)
    {
        var busHealth = bus.CheckHealth();
        if (busHealth.Status == BusHealthStatus.Unhealthy)
        {
            return (false, "bus: " + busHealth.Description);
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(options.ProbeInterval);
            var endpoint = await bus.GetSendEndpoint(state.ProbeAddress ?? new Uri($"queue:{ProbeQueue(options)}")).WaitAsync(timeout.Token);
            await endpoint.Send(new BusProbe(Guid.NewGuid(), options.NodeName, sentAt), timeout.Token);
            while (state.LastProbeReceivedAt is null || state.LastProbeReceivedAt < sentAt)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return (false, "probe: this node's probe did not come back");
        }
#pragma warning disable CA1031 // Any failure to reach the broker is an unhealthy bus, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (false, "probe: " + ex.Message);
        }

        if (queueProbe is not null && await queueProbe.QueuesWithoutConsumersAsync(options.ConsumerQueues, stoppingToken) is { Count: > 0 } idle)
        {
            return (false, "no consumer on " + string.Join(", ", idle));
        }

        return (true, "bus healthy, probe round-trip ok");
    }

    public static string ProbeQueue(MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.QueuePrefix}-probe-{options.NodeName}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bus healthy: {Healthy} ({Description})")]
    private static partial void LogHealthChanged(ILogger logger, bool healthy, string description);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bus health check failed; checking again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
