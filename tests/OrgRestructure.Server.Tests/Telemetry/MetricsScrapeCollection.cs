namespace OrgRestructure.Server.Tests.Telemetry;

/// <summary>
/// Tests that scrape /metrics run alone: OpenTelemetry listens to meters by name across the whole
/// process, and disposing one test host's meter stops every meter of the same name
/// (open-telemetry/opentelemetry-dotnet#6412) — another test's host shutting down mid-scrape would
/// take this host's request durations with it. A node in production is one host per process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsScrapeCollection
{
    public const string Name = "metrics scrape";
}
