using Serilog.Events;

namespace OrgRestructure.Hosting.Logging;

/// <summary>How one application logs: the server to stdout; the CLI to stderr, quieter, so its output stays clean.</summary>
public sealed record OrgRestructureLogOptions
{
    /// <summary>Names the log file (logs/NAME-yyyyMMdd.json) and the Application property.</summary>
    public string ApplicationName { get; init; } = "server";

    public LogEventLevel ConsoleMinimumLevel { get; init; } = LogEventLevel.Verbose;

    public bool ConsoleToStandardError { get; init; }
}
