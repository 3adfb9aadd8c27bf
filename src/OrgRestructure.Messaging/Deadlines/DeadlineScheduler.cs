using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgRestructure.EventStore.Leadership;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Messaging.Deadlines;

/// <summary>
/// What the scheduler calls: the engine fires every timer due at <c>now</c> (deadline
/// approaching/missed, timer steps) by appending events to the cases. Timers live in the cases'
/// events, so nothing is lost when the scheduler or its node stops; firing twice is the engine's
/// no-op (it checks the case state).
/// </summary>
public interface IDueTimerFirer
{
    /// <summary>Returns how many timers fired.</summary>
    Task<int> FireDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>The engine as the scheduler's timer source: <see cref="IWorkflowEngine.FireDueTimersAsync(DateTimeOffset, CancellationToken)"/> over every running case.</summary>
public sealed class WorkflowEngineTimerFirer(IWorkflowEngine engine) : IDueTimerFirer
{
    public async Task<int> FireDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (await engine.FireDueTimersAsync(now, cancellationToken)).Count;
}

/// <summary>
/// Calls <see cref="IDueTimerFirer"/> (or, when none is registered, the registered
/// <see cref="IWorkflowEngine"/>) periodically on one node at a time (leader lock).
/// </summary>
public sealed partial class DeadlineScheduler(
    IServiceScopeFactory scopes,
    ILeaderLock leaderLock,
    TimeProvider clock,
    MessagingOptions options,
    ILogger<DeadlineScheduler> logger) : BackgroundService
{
    public const string LockName = "deadline-scheduler";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var lease = await leaderLock.TryAcquireAsync(LockName, stoppingToken);
                if (lease is null)
                {
                    await Task.Delay(options.DeadlineCheckInterval, stoppingToken);
                    continue;
                }

                while (!stoppingToken.IsCancellationRequested && await lease.IsHeldAsync(stoppingToken))
                {
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        var firer = scope.ServiceProvider.GetService<IDueTimerFirer>()
                            ?? (scope.ServiceProvider.GetService<IWorkflowEngine>() is { } engine ? new WorkflowEngineTimerFirer(engine) : null);
                        if (firer is null)
                        {
                            // Nothing to fire on this host (e.g. a CLI or a consumer-only node).
                            return;
                        }

                        var fired = await firer.FireDueTimersAsync(clock.GetUtcNow(), stoppingToken);
                        if (fired > 0)
                        {
                            LogFired(logger, fired);
                        }
                    }

                    await Task.Delay(options.DeadlineCheckInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A failed round is retried on the next tick.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
                await Task.Delay(options.DeadlineCheckInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline scheduler fired {Count} timers")]
    private static partial void LogFired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline scheduler round failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
