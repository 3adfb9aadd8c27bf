using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Messaging.Email;
using OrgRestructure.Messaging.Relay;
using OrgRestructure.Workflows.ReadModels;

namespace OrgRestructure.Hosting.Telemetry;

/// <summary>
/// Gauges of what is waiting, shared by every node (they read the store, not this node's memory):
/// events committed but not yet relayed to the bus, e-mails not yet sent, tasks open. Each is a
/// COUNT, measured at most every few seconds whatever the scrape rate, off the scrape's thread; a
/// gauge reports nothing until its first measurement and keeps the last one while the store is
/// unreachable. The meter comes from the host's <see cref="IMeterFactory"/>, which disposes it
/// with the host, so each host in a process has its own.
/// </summary>
public sealed class OperationsGauges
{
    public const string MeterName = "OrgRestructure.Operations";

    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private readonly IRelationalEventStore _store;
    private readonly IRelayCheckpointStore _checkpoints;
    private readonly EmailOutbox _outbox;
    private readonly CaseReadModel _readModel;
    private readonly TimeProvider _clock;
    private readonly ILogger<OperationsGauges> _logger;
    private Snapshot? _last;
    private long _measuredAt;
    private int _measuring;

    public OperationsGauges(
        IRelationalEventStore store, IRelayCheckpointStore checkpoints, EmailOutbox outbox, CaseReadModel readModel, TimeProvider clock, IMeterFactory meters, ILogger<OperationsGauges> logger)
    {
        _store = store;
        _checkpoints = checkpoints;
        _outbox = outbox;
        _readModel = readModel;
        _clock = clock;
        _logger = logger;
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("orgrestructure.relay.lag", () => Observe(s => s.RelayLag), "{event}", "Events committed but not yet relayed to the bus");
        meter.CreateObservableGauge("orgrestructure.email.outbox.pending", () => Observe(s => s.OutboxPending), "{email}", "E-mails in the outbox not sent yet");
        meter.CreateObservableGauge("orgrestructure.tasks.open", () => Observe(s => s.OpenTasks), "{task}", "Tasks open in every case (the open-tasks read model)");
    }

    private IEnumerable<Measurement<long>> Observe(Func<Snapshot, long> pick)
    {
        MeasureSoon();
        return Volatile.Read(ref _last) is { } last ? [new Measurement<long>(pick(last))] : [];
    }

    private void MeasureSoon()
    {
        var measuredAt = Interlocked.Read(ref _measuredAt);
        if ((measuredAt != 0 && _clock.GetElapsedTime(measuredAt) < Fresh) || Interlocked.CompareExchange(ref _measuring, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(MeasureAsync);
    }

    private async Task MeasureAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(Fresh);
            var relayed = await _checkpoints.GetAsync(OutboxRelay.CheckpointName, timeout.Token);
            long lag;
            await using (var connection = await _store.OpenConnectionAsync(timeout.Token))
            await using (var command = connection.CreateCommand("SELECT count(*) FROM events WHERE position > @relayed"))
            {
                lag = Convert.ToInt64(await command.With("relayed", relayed).ExecuteScalarAsync(timeout.Token), CultureInfo.InvariantCulture);
            }

            var snapshot = new Snapshot(lag, await _outbox.PendingCountAsync(timeout.Token), await _readModel.OpenTaskCountAsync(timeout.Token));
            Volatile.Write(ref _last, snapshot);
            Interlocked.Exchange(ref _measuredAt, _clock.GetTimestamp());
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or OperationCanceledException or IOException)
        {
            _logger.LogWarning(ex, "Could not measure the relay lag, outbox depth and open tasks for /metrics");
            Interlocked.Exchange(ref _measuredAt, _clock.GetTimestamp());
        }
        finally
        {
            Volatile.Write(ref _measuring, 0);
        }
    }

    private sealed record Snapshot(long RelayLag, long OutboxPending, long OpenTasks);
}
