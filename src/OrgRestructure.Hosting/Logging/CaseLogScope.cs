using Microsoft.Extensions.Logging;

namespace OrgRestructure.Hosting.Logging;

/// <summary>
/// The scope every log line about a case runs in. Its properties land on each event written
/// inside it (console and JSON file), so one case's story can be pulled out of the logs by CaseId
/// or CorrelationId.
/// </summary>
public static class CaseLogScope
{
    public const string CaseId = nameof(CaseId);
    public const string Step = nameof(Step);
    public const string Actor = nameof(Actor);
    public const string CorrelationId = nameof(CorrelationId);
    public const string TaskId = nameof(TaskId);

    /// <summary>
    /// Begins a scope carrying the case id and, when known, the step, the acting user and the
    /// correlation id, and the task worked on. Dispose it when the work on the case ends.
    /// </summary>
    public static IDisposable BeginCaseScope(this ILogger logger, string caseId, string? step = null, string? actor = null, string? correlationId = null, string? taskId = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var properties = new Dictionary<string, object> { [CaseId] = caseId };
        AddIfPresent(properties, Step, step);
        AddIfPresent(properties, Actor, actor);
        AddIfPresent(properties, CorrelationId, correlationId);
        AddIfPresent(properties, TaskId, taskId);
        return logger.BeginScope(properties) ?? NoScope.Instance;
    }

    private static void AddIfPresent(Dictionary<string, object> properties, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            properties[name] = value;
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
