using Microsoft.Extensions.Configuration;

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

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(EventStoreConnectionString);

    public bool UsesRabbitMq => !string.IsNullOrWhiteSpace(RabbitMqUri);

    public string SqlitePath => Path.Combine(DataDirectory, "orgrestructure.db");

    /// <summary>The workflow definitions folder; null = found next to the content root or the binaries.</summary>
    public string? WorkflowsDirectory { get; init; }

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
        };
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
