using System.Net;
using OrgRestructure.Hosting.Telemetry;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Telemetry;

/// <summary>Scrapes /metrics until the text shows what a test waits for (gauges appear after their first measurement).</summary>
internal static class Scrape
{
    public static readonly Uri Metrics = new(TelemetryExtensions.MetricsPath, UriKind.Relative);

    /// <summary>The scrape's text once it answered 200 and <paramref name="shows"/> holds.</summary>
    public static async Task<string> UntilAsync(HttpClient scraper, Func<string, bool> shows, string what)
    {
        var text = "";
        HttpStatusCode status = default;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await scraper.GetAsync(Metrics);
                status = response.StatusCode;
                text = await response.Content.ReadAsStringAsync();
                return status == HttpStatusCode.OK && shows(text);
            },
            () => $"{what} on /metrics ({(int)status}), the project's metrics there:\n{string.Join('\n', text.Split('\n').Where(l => l.StartsWith("orgrestructure_", StringComparison.Ordinal)))}");
        return text;
    }
}
