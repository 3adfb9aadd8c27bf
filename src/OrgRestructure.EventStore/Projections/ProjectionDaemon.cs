using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Projections;

/// <summary>
/// Runs the async projections when this node is leader: reads past each projection's checkpoint
/// with <see cref="IEventStore.ReadAllAsync"/> (which never returns past the commit-safe
/// high-water mark) and applies each batch in a transaction that also moves the checkpoint.
/// The checkpoint update is conditional on its old value, so two nodes that both believe they
/// lead still apply each event once.
/// </summary>
public sealed class ProjectionDaemon : BackgroundService
{
    private readonly IRelationalEventStore _store;
    private readonly IReadOnlyList<IAsyncProjection> _projections;
    private readonly ProjectionDaemonOptions _options;
    private readonly ILeaderElection _leader;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private bool _initialized;

    public ProjectionDaemon(
        IRelationalEventStore store,
        IEnumerable<IAsyncProjection> projections,
        ProjectionDaemonOptions? options = null,
        ILeaderElection? leader = null,
        ILogger<ProjectionDaemon>? logger = null)
    {
        _store = store;
        _projections = projections.ToList();
        _options = options ?? new ProjectionDaemonOptions();
        _leader = leader ?? ILeaderElection.For(store);
        _logger = logger ?? NullLogger<ProjectionDaemon>.Instance;
        var duplicate = _projections.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two async projections are named '{duplicate.Key}'.", nameof(projections));
        }
    }

    public IReadOnlyList<IAsyncProjection> Projections => _projections;

    /// <summary>True after the last round found this node leading.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>Catches every projection up to the current high-water mark; returns events applied.</summary>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken);
        long applied = 0;
        foreach (var projection in _projections)
        {
            applied += await CatchUpAsync(projection, cancellationToken);
        }

        return applied;
    }

    /// <summary>Clears the projection's data and checkpoint and replays every event into it.</summary>
    public async Task<long> RebuildAsync(string name, CancellationToken cancellationToken = default)
    {
        var projection = _projections.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"No async projection is named '{name}'.", nameof(name));
        await EnsureInitializedAsync(cancellationToken);
        var gate = _running.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using (var scope = await _store.BeginWriteAsync(cancellationToken))
            {
                await ProjectionCheckpoints.EnsureAsync(scope, name, cancellationToken);
                await projection.ResetAsync(scope, cancellationToken);
                await ProjectionCheckpoints.SetAsync(scope, name, 0, cancellationToken);
                await scope.CommitAsync(cancellationToken);
            }

            return await CatchUpLockedAsync(projection, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<long> GetCheckpointAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _store.OpenConnectionAsync(cancellationToken);
        return await ProjectionCheckpoints.ReadAsync(connection, name, cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _leader.DisposeAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IsLeader = await _leader.TryAcquireAsync(stoppingToken);
                if (IsLeader)
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A failing projection must not stop the others or kill the host; it retries next round.
                _logger.LogError(ex, "Projection daemon round failed; retrying");
            }

            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Lets each projection create its tables (idempotent) before its first batch, so a daemon
    /// works even when the migrator was run without the projection list.
    /// </summary>
    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializing.WaitAsync(cancellationToken);
        try
        {
            if (!_initialized)
            {
                await using var scope = await _store.BeginWriteAsync(cancellationToken);
                foreach (var projection in _projections)
                {
                    await projection.InitializeAsync(scope, cancellationToken);
                }

                await scope.CommitAsync(cancellationToken);
                _initialized = true;
            }
        }
        finally
        {
            _initializing.Release();
        }
    }

    private async Task<long> CatchUpAsync(IAsyncProjection projection, CancellationToken cancellationToken)
    {
        var gate = _running.GetOrAdd(projection.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await CatchUpLockedAsync(projection, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<long> CatchUpLockedAsync(IAsyncProjection projection, CancellationToken cancellationToken)
    {
        long applied = 0;
        var checkpoint = await GetCheckpointAsync(projection.Name, cancellationToken);
        var events = await _store.ReadAllAsync(checkpoint, _options.BatchSize, cancellationToken);
        var first = true;
        while (events.Count > 0)
        {
            // The next batch is read while this one is applied. It starts at this batch's last position,
            // so it is only used once this batch (and its checkpoint) committed; otherwise it is dropped.
            using var readAhead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var next = _store.ReadAllAsync(events[^1].GlobalPosition, _options.BatchSize, readAhead.Token);
            var committed = false;
            try
            {
                committed = await ApplyBatchAsync(projection, checkpoint, events, first, cancellationToken);
            }
            finally
            {
                if (!committed)
                {
                    await readAhead.CancelAsync();
                    await DropAsync(next);
                }
            }

            if (!committed)
            {
                _logger.LogWarning("Projection {Projection} checkpoint moved under us; another node is applying it", projection.Name);
                return applied;
            }

            first = false;
            applied += events.Count;
            checkpoint = events[^1].GlobalPosition;
            events = await next;
        }

        return applied;
    }

    /// <summary>Applies one batch in a transaction that first claims it by advancing the checkpoint from its old value.</summary>
    private async Task<bool> ApplyBatchAsync(
        IAsyncProjection projection, long checkpoint, IReadOnlyList<StoredEvent> events, bool ensureCheckpoint, CancellationToken cancellationToken)
    {
        await using var scope = await _store.BeginWriteAsync(cancellationToken);
        if (ensureCheckpoint)
        {
            await ProjectionCheckpoints.EnsureAsync(scope, projection.Name, cancellationToken);
        }

        // Claim the batch first: the row lock makes a rival leader wait, and then find nothing to do.
        if (!await ProjectionCheckpoints.AdvanceAsync(scope, projection.Name, checkpoint, events[^1].GlobalPosition, cancellationToken))
        {
            return false;
        }

        await projection.ApplyAsync(scope, events, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Waits for a read-ahead whose result is not wanted; its failure (or cancellation) no longer matters.</summary>
    private static async Task DropAsync(Task<IReadOnlyList<StoredEvent>> readAhead)
    {
        try
        {
            await readAhead;
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The batch it would have followed did not commit; the next round reads again.
        }
    }
}
