using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrgRestructure.Hosting.Configuration;
using OrgRestructure.Hosting.Logging;
using Serilog.Events;

namespace OrgRestructure.Cli;

/// <summary>What every command gets: its output streams and the same configuration keys as the server.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, IConfiguration configuration) : IDisposable
{
    private ILoggerFactory? _loggerFactory;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IConfiguration Configuration { get; } = configuration;

    public OrgRestructureSettings Settings { get; } = OrgRestructureSettings.From(configuration);

    /// <summary>
    /// Serilog like the server's: everything to &lt;data dir&gt;/logs/cli-*.clef, warnings and errors
    /// to stderr so a command's output stays clean. Created on first use.
    /// </summary>
    public ILoggerFactory LoggerFactory => _loggerFactory ??= Microsoft.Extensions.Logging.LoggerFactory.Create(logging =>
        logging.AddOrgRestructureSerilog(Configuration, Settings, new OrgRestructureLogOptions
        {
            ApplicationName = "cli",
            ConsoleMinimumLevel = LogEventLevel.Warning,
            ConsoleToStandardError = true,
        }));

    public void Dispose() => _loggerFactory?.Dispose();
}
