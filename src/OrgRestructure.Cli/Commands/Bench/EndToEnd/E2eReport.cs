namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// One timed phase: who ran (workers claim and complete tasks, readers list, pollers watch the
/// notification feeds), how long, the completions, the workers whose district's case completed
/// before the end, every endpoint's latencies, the errors by endpoint and status, and the commands
/// sent again because the case changed first (retryable 409s, not errors).
/// </summary>
internal sealed record E2ePhase(
    string Name,
    int Workers,
    int Readers,
    int Pollers,
    double Seconds,
    long Completions,
    double CompletionsPerSecond,
    long WorkersOutOfWork,
    IReadOnlyDictionary<string, EndpointLatency> LatencyMs,
    IReadOnlyDictionary<string, int> Errors,
    IReadOnlyDictionary<string, string> ErrorSamples,
    IReadOnlyDictionary<string, int> ConflictsRetried);

/// <summary>The server process over the timed phases: CPU seconds (and their share of one core) and resident memory at the end.</summary>
internal sealed record E2eServerUse(double? CpuSeconds, double? CpuPercentOfOneCore, double? ResidentMegabytes);

/// <summary>
/// A run of bench e2e. The figures a reader looks for first are at the top: completions per second,
/// latency per endpoint and the notification lag of the work phase, the open tasks and cases, errors.
/// </summary>
internal sealed record E2eReport(
    DateTimeOffset At,
    string Backend,
    string Scale,
    int Clients,
    double CompletionsPerSecond,
    IReadOnlyDictionary<string, EndpointLatency> LatencyMs,
    EndpointLatency NotificationLagMs,
    EndpointLatency NotificationSeenLagMs,
    int OpenTasks,
    int OpenTasksAtEnd,
    int Cases,
    int Errors,
    int ConflictsRetried,
    int ProcessorCount,
    string? LoadAverageAtStart,
    string? LoadAverageAtEnd,
    E2eServerUse Server,
    double SeedSeconds,
    double ServerStartSeconds,
    double RelayCatchUpSeconds,
    double ConsumerCatchUpSeconds,
    IReadOnlyDictionary<string, EndpointLatency> DeadlineScanMs,
    IReadOnlyList<E2ePhase> Phases,
    double WarmUpSeconds = 0,
    double ThinkMs = 0);
