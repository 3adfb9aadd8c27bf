using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Leadership;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Messaging.Relay;

/// <summary>
/// The log is the outbox: reads the global event log past its checkpoint (commit-safe order),
/// publishes each mapped event with publisher confirms, then advances the checkpoint. A crash
/// between publish and checkpoint republishes with the same message id (the stored event id),
/// which consumers deduplicate. Only the leader (see <see cref="ILeaderLock"/>) relays.
/// A published event it cannot read as the engine's record stops it there like an outage does
/// (logged, <see cref="RelayStatus.LastError"/>, retried with back-off): no notice is skipped unseen.
/// </summary>
public sealed partial class OutboxRelay(
    IEventStore store,
    IBusControl bus,
    IRelayCheckpointStore checkpoints,
    ILeaderLock leaderLock,
    RelayStatus status,
    MessagingOptions options,
    ILogger<OutboxRelay> logger,
    WorkflowDefinitionRegistry? definitions = null) : BackgroundService
{
    public const string CheckpointName = "integration-relay";

    private readonly CaseFactsCache _facts = new(store, definitions);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await leaderLock.TryAcquireAsync(CheckpointName, stoppingToken);
                if (lease is null)
                {
                    status.IsLeader = false;
                    await Task.Delay(options.LeaderRetryInterval, stoppingToken);
                    continue;
                }

                try
                {
                    status.IsLeader = true;
                    LogLeading(logger, options.NodeName);
                    await RelayWhileLeadingAsync(lease, () => failures = 0, stoppingToken);
                }
                finally
                {
                    // Before the lease is released: never two nodes reporting leadership at once.
                    status.IsLeader = false;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The relay must outlive any broker or database outage.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                status.LastError = ex.Message;
                status.LastErrorAt = DateTimeOffset.UtcNow;
                LogFailed(logger, ex, failures);
                var backoff = TimeSpan.FromMilliseconds(Math.Min(options.RelayMaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RelayWhileLeadingAsync(ILeaderLease lease, Action onProgress, CancellationToken stoppingToken)
    {
        // On a fresh broker the consumer queues and their bindings exist only once the bus has
        // started: a message published before that would be routed nowhere and lost.
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            await Task.Delay(options.RelayPollInterval, stoppingToken);
        }

        var position = await checkpoints.GetAsync(CheckpointName, stoppingToken);
        status.Advance(position);
        var idleRounds = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = await store.ReadAllAsync(position, options.RelayBatchSize, stoppingToken);
            if (batch.Count == 0)
            {
                // Check now and then that the lease survived (PostgreSQL connection dropped → another node may lead).
                if (++idleRounds % 20 == 0 && !await lease.IsHeldAsync(stoppingToken))
                {
                    return;
                }

                await Task.Delay(options.RelayPollInterval, stoppingToken);
                continue;
            }

            idleRounds = 0;
            var saved = position;
            try
            {
                foreach (var stored in batch)
                {
                    await PublishAsync(stored, stoppingToken);
                    position = stored.GlobalPosition;
                }
            }
            finally
            {
                // Keep what was confirmed even when the batch stopped half-way (broker outage, shutdown).
                if (position > saved)
                {
                    await checkpoints.SaveAsync(CheckpointName, position, CancellationToken.None);
                    status.Advance(position);
                }
            }

            status.LastError = null;
            onProgress();
        }
    }

    private async Task PublishAsync(StoredEvent stored, CancellationToken stoppingToken)
    {
        if (!StoredEventMap.Publishes(stored.Type))
        {
            return;
        }

        var view = await _facts.ViewAsync(stored, stoppingToken);
        if (StoredEventMap.Map(view) is not { } message)
        {
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["CaseId"] = message.CaseId,
            ["Step"] = message.Step,
            ["Actor"] = stored.Actor,
            ["CorrelationId"] = stored.CorrelationId,
        });

        // A broker that is down must not hang the relay forever: time out, back off, retry the same event.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.PublishTimeout);
        await bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = stored.EventId;
            context.CorrelationId = stored.CorrelationId;
            context.Headers.Set("OrgRestructure-StoredType", stored.Type);
            context.Headers.Set("OrgRestructure-Position", stored.GlobalPosition);
        }), timeout.Token).WaitAsync(options.PublishTimeout, stoppingToken);
        status.CountPublished();
        LogPublished(logger, message.GetType().Name, stored.EventId, stored.GlobalPosition);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay leading on node {Node}")]
    private static partial void LogLeading(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed (attempt {Failures}); backing off")]
    private static partial void LogFailed(ILogger logger, Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {MessageType} for stored event {EventId} at {Position}")]
    private static partial void LogPublished(ILogger logger, string messageType, Guid eventId, long position);
}
