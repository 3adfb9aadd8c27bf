using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrgRestructure.Messaging.Health;

/// <summary>
/// Detects what MassTransit 8.4 on RabbitMQ may not recover from by itself — consumers that did
/// not come back after a broker restart, an endpoint closed by RabbitMQ's consumer_timeout — and
/// recovers: first by restarting each faulted endpoint, and if the node is still unhealthy, by
/// restarting the bus. Four signals, any of which makes the node unhealthy: the bus's own health,
/// a receive endpoint that is not ready, a probe this node sends to its own queue not arriving,
/// and (RabbitMQ) a consumer queue with no consumer at all.
/// </summary>
public sealed partial class BusWatchdog(
    IBusControl bus,
    BusHealthState state,
    ReceiveEndpointTracker endpoints,
    MessagingOptions options,
    TimeProvider clock,
    ILogger<BusWatchdog> logger,
    QueueConsumerProbe? queueProbe = null) : BackgroundService
{
    /// <summary>
    /// MassTransit's RabbitMQ receive transports retry reconnecting at intervals growing to 30 s.
    /// Restarting the bus while an endpoint waits in that retry leaves the endpoint stopped for
    /// good (seen with MassTransit 8.4: the bus restarts, the endpoint never reports ready), so the
    /// watchdog only steps in once MassTransit has had two full retry intervals of its own.
    /// </summary>
    public static readonly TimeSpan MinimumRestartAfter = TimeSpan.FromSeconds(60);

    /// <summary>How long an endpoint may stay faulted, with the broker reachable, before it is restarted.</summary>
    public static readonly TimeSpan EndpointRestartAfter = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var restartAfter = options.UnhealthyRestartAfter < MinimumRestartAfter ? MinimumRestartAfter : options.UnhealthyRestartAfter;
        var restartBackoff = restartAfter;
        DateTimeOffset? lastRestart = null;
        DateTimeOffset? brokerBackSince = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                (restartBackoff, lastRestart, brokerBackSince) = await WatchOnceAsync(restartAfter, restartBackoff, lastRestart, brokerBackSince, stoppingToken);
            }
#pragma warning disable CA1031 // The watchdog is what recovers the bus: it must outlive any one failed check.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogCheckFailed(logger, ex);
            }

            await Task.Delay(options.ProbeInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<(TimeSpan Backoff, DateTimeOffset? LastRestart, DateTimeOffset? BrokerBackSince)> WatchOnceAsync(
        TimeSpan restartAfter, TimeSpan restartBackoff, DateTimeOffset? lastRestart, DateTimeOffset? brokerBackSince, CancellationToken stoppingToken)
    {
        var sentAt = clock.GetUtcNow();
        var (healthy, description) = await CheckAsync(sentAt, stoppingToken);
        var now = clock.GetUtcNow();
        state.Report(healthy, description, now);
        if (healthy)
        {
            restartBackoff = restartAfter;
            brokerBackSince = null;
        }
        else if (queueProbe is not null)
        {
            // While the broker is away MassTransit reconnects by itself, and restarting the bus
            // then leaves it faulted: restart only a node still unhealthy with the broker reachable.
            brokerBackSince = await queueProbe.BrokerReachableAsync(stoppingToken) ? brokerBackSince ?? now : null;
            if (brokerBackSince is not null)
            {
                await RestartFaultedEndpointsAsync(now, stoppingToken);
            }

            if (brokerBackSince is { } back
                && now - back >= restartAfter
                && (lastRestart is null || now - lastRestart >= restartBackoff))
            {
                lastRestart = now;
                restartBackoff = TimeSpan.FromTicks(Math.Min(restartBackoff.Ticks * 2, TimeSpan.FromMinutes(2).Ticks));
                await RestartBusAsync(description, stoppingToken);
            }
        }

        return (restartBackoff, lastRestart, brokerBackSince);
    }

    private async Task<(bool Healthy, string Description)> CheckAsync(DateTimeOffset sentAt, CancellationToken stoppingToken)
    {
        var busHealth = bus.CheckHealth();
        if (busHealth.Status == BusHealthStatus.Unhealthy)
        {
            return (false, "bus: " + busHealth.Description);
        }

        if (endpoints.NotReady() is { Count: > 0 } down)
        {
            return (false, string.Join("; ", down.Select(e => $"endpoint {e.Address.AbsolutePath.TrimStart('/')} {e.State.ToString().ToLowerInvariant()}{(e.Error is null ? "" : ": " + e.Error)}")));
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(options.ProbeInterval);
            var endpoint = await bus.GetSendEndpoint(state.ProbeAddress ?? new Uri($"queue:{ProbeQueue(options)}")).WaitAsync(timeout.Token);
            await endpoint.Send(new BusProbe(Guid.NewGuid(), options.NodeName, sentAt), timeout.Token);

            // The probe sent last round must have come back by now.
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

        if (queueProbe is not null)
        {
            var idle = await queueProbe.QueuesWithoutConsumersAsync(options.ConsumerQueues, stoppingToken);
            if (idle.Count > 0)
            {
                return (false, "no consumer on " + string.Join(", ", idle));
            }
        }

        return (true, "bus healthy, probe round-trip ok");
    }

    private async Task RestartFaultedEndpointsAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        foreach (var endpoint in endpoints.NotReady().Where(e => now - e.Since >= EndpointRestartAfter))
        {
            LogRestartingEndpoint(logger, endpoint.Address, endpoint.State.ToString(), endpoint.Error);
            state.CountEndpointRestart();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                await endpoints.RestartAsync(endpoint, timeout.Token);
            }
#pragma warning disable CA1031 // A failed endpoint restart is tried again after EndpointRestartAfter.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogRestartFailed(logger, ex);
            }
        }
    }

    private async Task RestartBusAsync(string reason, CancellationToken stoppingToken)
    {
        LogRestarting(logger, reason);
        state.CountRestart();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await bus.StopAsync(timeout.Token).WaitAsync(timeout.Token);
            await bus.StartAsync(timeout.Token).WaitAsync(timeout.Token);
        }
#pragma warning disable CA1031 // A failed restart is retried after the back-off.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRestartFailed(logger, ex);
        }
    }

    public static string ProbeQueue(MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.QueuePrefix}-probe-{options.NodeName}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bus unhealthy ({Reason}); restarting it")]
    private static partial void LogRestarting(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive endpoint {Address} is {State} ({Error}); restarting it")]
    private static partial void LogRestartingEndpoint(ILogger logger, Uri address, string state, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bus health check failed; checking again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bus restart failed; will try again")]
    private static partial void LogRestartFailed(ILogger logger, Exception exception);
}
