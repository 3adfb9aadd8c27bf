using OrgRestructure.Messaging.Email;

namespace OrgRestructure.Messaging;

/// <summary>Settings of the messaging side; defaults suit the embedded single-node setup.</summary>
public sealed class MessagingOptions
{
    /// <summary>PostgreSQL connection string of the event store's database; null = SQLite.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>SQLite file of the event store (embedded default). Used when <see cref="PostgresConnectionString"/> is null.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>True when the event store itself is in memory: the relay checkpoint then is too (a durable one would skip a fresh log).</summary>
    public bool EventStoreInMemory { get; set; }

    /// <summary>Names this process in logs, probe queues and leader messages.</summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Prefix of every queue name, so that test runs or tenants sharing a broker do not collide.</summary>
    public string QueuePrefix { get; set; } = "orgrestructure";

    public bool RunRelay { get; set; } = true;

    public bool RunConsumers { get; set; } = true;

    public bool RunDeadlineScheduler { get; set; } = true;

    public bool RunBusHealthMonitor { get; set; } = true;

    public int RelayBatchSize { get; set; } = 200;

    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RelayMaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaderRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Immediate retries of a failing consumer (exponential back-off) before the message goes to the _error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the health monitor probes the bus (and how long a probe may take to come back).</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Extra configuration of the notification endpoint, applied inside its retry policy (filters
    /// added here are retried with the consumer): for operators' filters and for fault tests.
    /// </summary>
    public Action<MassTransit.IReceiveEndpointConfigurator>? ConfigureNotificationEndpoint { get; set; }

    /// <summary>SMTP server for e-mail; null = in-app feed only.</summary>
    public SmtpOptions? Smtp { get; set; }

    /// <summary>The address users reach the server at (Notifications:PublicBaseUrl): e-mails link to the task or case under it; null = no link line.</summary>
    public Uri? PublicBaseUrl { get; set; }

    public string NotificationQueue => $"{QueuePrefix}-notifications";

    /// <summary>The queues this node consumes from, hence the _error queues an operator may need to look at.</summary>
    public IReadOnlyList<string> ConsumerQueues => [NotificationQueue];
}
