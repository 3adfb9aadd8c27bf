namespace OrgRestructure.Messaging.Health;

/// <summary>What the health monitor last found out about this node's bus; the health check reports it.</summary>
public sealed class BusHealthState
{
    private readonly Lock _gate = new();

    public bool IsHealthy { get; private set; } = true;

    /// <summary>Input address of this node's probe endpoint, with the queue settings the broker expects.</summary>
    public Uri? ProbeAddress { get; internal set; }

    public string Description { get; private set; } = "starting";

    public DateTimeOffset? UnhealthySince { get; private set; }

    public DateTimeOffset? LastProbeReceivedAt { get; private set; }

    /// <summary>How many times the state went from healthy to unhealthy (an outage was noticed).</summary>
    public int UnhealthyTransitions { get; private set; }

    /// <summary>When the monitor last finished a check: a stale value means the monitor itself is stuck.</summary>
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
}
