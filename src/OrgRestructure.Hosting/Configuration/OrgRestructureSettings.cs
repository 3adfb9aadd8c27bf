using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrgRestructure.Messaging.Email;

namespace OrgRestructure.Hosting.Configuration;

/// <summary>
/// The configuration keys shared by the server and the CLI. Unset connection strings select the
/// embedded default: SQLite under the data directory and MassTransit's in-memory transport.
/// </summary>
public sealed record OrgRestructureSettings(string? EventStoreConnectionString, string? RabbitMqUri, string DataDirectory)
{
    public const string WorkflowsDirectoryKey = "ORGRESTRUCTURE_WORKFLOWS_DIR";

    public const string EventStoreKey = "ConnectionStrings:EventStore";
    public const string RabbitMqKey = "ConnectionStrings:RabbitMq";
    public const string DataDirectoryKey = "ORGRESTRUCTURE_DATA_DIR";

    /// <summary>Section of the SMTP settings (Smtp:Host, Smtp:Port …; Smtp__Host … as environment variables).</summary>
    public const string SmtpSection = "Smtp";

    /// <summary>The address users reach the server at, for the links in e-mails (Notifications__PublicBaseUrl).</summary>
    public const string PublicBaseUrlKey = "Notifications:PublicBaseUrl";

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(EventStoreConnectionString);

    public bool UsesRabbitMq => !string.IsNullOrWhiteSpace(RabbitMqUri);

    public string SqlitePath => Path.Combine(DataDirectory, "orgrestructure.db");

    /// <summary>The workflow definitions folder; null = found next to the content root or the binaries.</summary>
    public string? WorkflowsDirectory { get; init; }

    /// <summary>The SMTP server notifications are e-mailed through; null (no Smtp:Host) = in-app feed only.</summary>
    public SmtpOptions? Smtp { get; init; }

    /// <summary>Where users reach the server (an absolute http or https address); null = e-mails carry no link.</summary>
    public Uri? PublicBaseUrl { get; init; }

    public static OrgRestructureSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = configuration[DataDirectoryKey];
        return new OrgRestructureSettings(
            NullIfBlank(configuration[EventStoreKey]),
            NullIfBlank(configuration[RabbitMqKey]),
            Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory))
        {
            WorkflowsDirectory = NullIfBlank(configuration[WorkflowsDirectoryKey]),
            Smtp = SmtpFrom(configuration.GetSection(SmtpSection)),
            PublicBaseUrl = PublicBaseUrlFrom(configuration[PublicBaseUrlKey]),
        };
    }

    private static Uri? PublicBaseUrlFrom(string? value) =>
        NullIfBlank(value) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new InvalidOperationException($"{PublicBaseUrlKey} = '{text}' is not valid: an absolute http or https address, e.g. https://orgrestructure.quangnam.example.vn.");

    private static SmtpOptions? SmtpFrom(IConfigurationSection section)
    {
        if (NullIfBlank(section["Host"]) is not { } host)
        {
            return null;
        }

        var smtp = new SmtpOptions { Host = host, UserName = NullIfBlank(section["UserName"]), Password = NullIfBlank(section["Password"]) };
        if (NullIfBlank(section["Port"]) is { } port)
        {
            smtp.Port = int.TryParse(port, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : throw Invalid("Port", port);
        }

        smtp.EnableSsl = NullIfBlank(section["EnableSsl"]) is { } ssl && (bool.TryParse(ssl, out var on) ? on : throw Invalid("EnableSsl", ssl));
        smtp.From = NullIfBlank(section["From"]) ?? smtp.From;
        smtp.FromName = NullIfBlank(section["FromName"]) ?? smtp.FromName;
        return smtp;
    }

    // A typo must stop the start-up naming the key, not fall back to a default silently.
    private static InvalidOperationException Invalid(string key, string value) =>
        new($"{SmtpSection}:{key} = '{value}' is not valid.");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
