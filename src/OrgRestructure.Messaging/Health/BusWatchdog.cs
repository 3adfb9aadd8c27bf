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

    // Recovery state, touched only by ExecuteAsync's single loop.
    private TimeSpan _restartAfter;
    private TimeSpan _restartBackoff;
    private DateTimeOffset? _lastRestart;
    private DateTimeOffset? _brokerBackSince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _restartAfter = options.UnhealthyRestartAfter < MinimumRestartAfter ? MinimumRestartAfter : options.UnhealthyRestartAfter;
        _restartBackoff = _restartAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchOnceAsync(stoppingToken);
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

    private async Task WatchOnceAsync(CancellationToken stoppingToken)
    {
        var sentAt = clock.GetUtcNow();
        var (healthy, description) = await CheckAsync(sentAt, stoppingToken);
        var now = clock.GetUtcNow();
        state.Report(healthy, description, now);
        if (healthy)
        {
            _restartBackoff = _restartAfter;
            _brokerBackSince = null;
            return;
        }

        if (queueProbe is null)
        {
            return;
        }

        // While the broker is away MassTransit reconnects by itself, and restarting the bus
        // then leaves it faulted: restart only a node still unhealthy with the broker reachable.
        _brokerBackSince = await queueProbe.BrokerReachableAsync(stoppingToken) ? _brokerBackSince ?? now : null;
        if (_brokerBackSince is not { } back)
        {
            return;
        }

        await RestartFaultedEndpointsAsync(now, stoppingToken);
        if (now - back >= _restartAfter && (_lastRestart is null || now - _lastRestart >= _restartBackoff))
        {
            _lastRestart = now;
            _restartBackoff = TimeSpan.FromTicks(Math.Min(_restartBackoff.Ticks * 2, TimeSpan.FromMinutes(2).Ticks));
            await RestartBusAsync(description, stoppingToken);
        }
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
