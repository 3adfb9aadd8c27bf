using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrgRestructure.Hosting.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace OrgRestructure.Hosting.Logging;

/// <summary>
/// Serilog for the server (<see cref="AddOrgRestructureSerilog(IServiceCollection, IConfiguration, OrgRestructureSettings, OrgRestructureLogOptions?)"/>,
/// with request logging, see <see cref="RequestLogging"/>) and the CLI (the logging-builder
/// overload): a readable console and a daily-rolling CLEF file (compact JSON, one event a line)
/// under &lt;data dir&gt;/logs/. Levels can be tuned with the usual "Serilog" configuration
/// section (e.g. Serilog__MinimumLevel__Default=Debug).
/// </summary>
public static class SerilogLoggingBuilderExtensions
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{Case}{NewLine}{Exception}";

    /// <summary>For a host: Serilog as the logging provider, its <see cref="Serilog.ILogger"/> and the diagnostic context request logging writes to.</summary>
    public static IServiceCollection AddOrgRestructureSerilog(
        this IServiceCollection services,
        IConfiguration configuration,
        OrgRestructureSettings settings,
        OrgRestructureLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // preserveStaticLogger: several hosts may live in one process (tests, nodes side by side); none owns Log.Logger.
        return services.AddSerilog(
            (provider, logger) => Configure(logger, configuration, settings, options ?? new OrgRestructureLogOptions()).ReadFrom.Services(provider),
            preserveStaticLogger: true);
    }

    /// <summary>For a logger factory of its own (the CLI).</summary>
    public static ILoggingBuilder AddOrgRestructureSerilog(
        this ILoggingBuilder builder,
        IConfiguration configuration,
        OrgRestructureSettings settings,
        OrgRestructureLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logger = Configure(new LoggerConfiguration(), configuration, settings, options ?? new OrgRestructureLogOptions()).CreateLogger();
        builder.ClearProviders();
        builder.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>The CLEF log files of an application, e.g. logs/server-20261122.clef.</summary>
    public static string LogFilePattern(OrgRestructureSettings settings, string applicationName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Path.Combine(settings.DataDirectory, "logs", applicationName + "-.clef");
    }

    private static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, OrgRestructureSettings settings, OrgRestructureLogOptions options)
    {
        var logFile = LogFilePattern(settings, options.ApplicationName);
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        return logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", options.ApplicationName)
            // The console's one-line case summary is enriched on a copy, so the file keeps
            // only the separate CaseId/Step/Actor/CorrelationId properties. Both sinks write on a
            // background thread: a request no longer waits for the console's lock or the shared
            // file's cross-process mutex and flush (both were a fifth of a request's time under load).
            // blockWhenFull: a burst slows requests down rather than losing lines; disposing the
            // logger (at shutdown) writes what is queued.
            .WriteTo.Async(
                sink => sink.Logger(console => console
                    .Enrich.With<CaseContextEnricher>()
                    .WriteTo.Console(
                        outputTemplate: ConsoleTemplate,
                        restrictedToMinimumLevel: options.ConsoleMinimumLevel,
                        standardErrorFromLevel: options.ConsoleToStandardError ? LogEventLevel.Verbose : null,
                        formatProvider: CultureInfo.InvariantCulture)),
                blockWhenFull: true)
            // shared: several processes (server nodes, the CLI) may log to the same data dir.
            .WriteTo.Async(
                sink => sink.File(
                    new CompactJsonFormatter(),
                    logFile,
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    fileSizeLimitBytes: 100L * 1024 * 1024,
                    rollOnFileSizeLimit: true,
                    shared: true),
                blockWhenFull: true);
    }
}
