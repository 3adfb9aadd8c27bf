using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrgRestructure.Hosting.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace OrgRestructure.Hosting.Logging;

/// <summary>
/// Serilog behind Microsoft.Extensions.Logging (Serilog.Extensions.Hosting is not available here):
/// a readable console and a daily-rolling JSON file under &lt;data dir&gt;/logs/. Levels can be
/// tuned with the usual "Serilog" configuration section (e.g. Serilog__MinimumLevel__Default=Debug).
/// </summary>
public static class SerilogLoggingBuilderExtensions
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{Case}{NewLine}{Exception}";

    public static ILoggingBuilder AddOrgRestructureSerilog(
        this ILoggingBuilder builder,
        IConfiguration configuration,
        OrgRestructureSettings settings,
        OrgRestructureLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logger = CreateLogger(configuration, settings, options ?? new OrgRestructureLogOptions());
        builder.ClearProviders();
        builder.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>The JSON log files of an application, e.g. logs/server-20261122.json.</summary>
    public static string LogFilePattern(OrgRestructureSettings settings, string applicationName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Path.Combine(settings.DataDirectory, "logs", applicationName + "-.json");
    }

    private static Serilog.Core.Logger CreateLogger(IConfiguration configuration, OrgRestructureSettings settings, OrgRestructureLogOptions options)
    {
        var logFile = LogFilePattern(settings, options.ApplicationName);
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System", LogEventLevel.Warning)
            .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", options.ApplicationName)
            // The console's one-line case summary is enriched on a copy, so the JSON file keeps
            // only the separate CaseId/Step/Actor/CorrelationId properties.
            .WriteTo.Logger(console => console
                .Enrich.With<CaseContextEnricher>()
                .WriteTo.Console(
                    outputTemplate: ConsoleTemplate,
                    restrictedToMinimumLevel: options.ConsoleMinimumLevel,
                    standardErrorFromLevel: options.ConsoleToStandardError ? LogEventLevel.Verbose : null,
                    formatProvider: CultureInfo.InvariantCulture))
            // shared: several processes (server nodes, the CLI) may log to the same data dir.
            .WriteTo.File(
                new JsonFormatter(renderMessage: true),
                logFile,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                fileSizeLimitBytes: 100L * 1024 * 1024,
                rollOnFileSizeLimit: true,
                shared: true)
            .CreateLogger();
    }
}
