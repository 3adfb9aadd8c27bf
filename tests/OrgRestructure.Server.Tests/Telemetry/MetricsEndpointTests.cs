using System.Net;
using OrgRestructure.Hosting.Telemetry;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Telemetry;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task after_a_case_is_launched_and_its_first_step_done_metrics_lists_cases_started_steps_completed_notifications_sent_and_request_durations()
    {
        await using var host = await ServerHost.StartAsync();
        await FirstStep.DoneAsync(host);

        using var scraper = host.Anonymous();
        var text = "";
        HttpStatusCode status = default;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await scraper.GetAsync(new Uri(TelemetryExtensions.MetricsPath, UriKind.Relative));
                status = response.StatusCode;
                text = await response.Content.ReadAsStringAsync();
                return text.Contains("orgrestructure_notifications_sent_total{", StringComparison.Ordinal);
            },
            () => $"notifications counted on /metrics ({(int)status}):\n{text[..Math.Min(text.Length, 2000)]}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(@"orgrestructure_cases_started_total\{[^}]*procedure=""[^""]+""[^}]*\} [1-9]", text);
        Assert.Matches(@"orgrestructure_steps_completed_total\{[^}]*step=""slate""[^}]*\} [1-9]", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
    }
}
