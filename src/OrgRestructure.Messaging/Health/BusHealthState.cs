namespace OrgRestructure.Messaging.Health;

/// <summary>What the watchdog last found out about this node's bus; the health check reports it.</summary>
public sealed class BusHealthState
{
    private readonly Lock _gate = new();
    private int _restarts;
    private int _endpointRestarts;

    public bool IsHealthy { get; private set; } = true;

    /// <summary>Input address of this node's probe endpoint, with the queue settings the broker expects.</summary>
    public Uri? ProbeAddress { get; internal set; }

    public string Description { get; private set; } = "starting";

    public DateTimeOffset? UnhealthySince { get; private set; }

    public DateTimeOffset? LastProbeReceivedAt { get; private set; }

    /// <summary>Bus restarts the watchdog performed to recover lost consumers.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>How many times the state went from healthy to unhealthy (an outage was noticed).</summary>
    public int UnhealthyTransitions { get; private set; }

    /// <summary>When the watchdog last finished a check: a stale value means the watchdog itself is stuck.</summary>
    public DateTimeOffset? LastCheckedAt { get; private set; }

    internal void ProbeReceived(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (LastProbeReceivedAt is null || at > LastProbeReceivedAt)
            {
                LastProbeReceivedAt = at;
            }
        }
    }

    internal void Report(bool healthy, string description, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!healthy && IsHealthy)
            {
                UnhealthySince = now;
                UnhealthyTransitions++;
            }
            else if (healthy)
            {
                UnhealthySince = null;
            }

            IsHealthy = healthy;
            Description = description;
            LastCheckedAt = now;
        }
    }

    /// <summary>Single receive endpoints the watchdog restarted (faulted after a consumer_timeout or a broker restart).</summary>
    public int EndpointRestarts => Volatile.Read(ref _endpointRestarts);

    internal void CountRestart() => Interlocked.Increment(ref _restarts);

    internal void CountEndpointRestart() => Interlocked.Increment(ref _endpointRestarts);
}
