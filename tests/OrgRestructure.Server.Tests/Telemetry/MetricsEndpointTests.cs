using System.Net;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Telemetry;

[Collection(MetricsScrapeCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task after_a_case_is_launched_and_its_first_step_done_metrics_lists_the_project_counters_gauges_and_request_durations_to_an_administrator()
    {
        await using var host = await ServerHost.StartAsync();
        await FirstStep.DoneAsync(host);

        using var scraper = await host.ClientAsync("admin");
        var text = await Scrape.UntilAsync(
            scraper,
            t => t.Contains("orgrestructure_notifications_sent_total{", StringComparison.Ordinal) && t.Contains("orgrestructure_tasks_open", StringComparison.Ordinal),
            "notifications and gauges");

        Assert.Matches(@"orgrestructure_cases_started_total\{[^}]*procedure=""[^""]+""[^}]*\} [1-9]", text);
        Assert.Matches(@"orgrestructure_steps_completed_total\{[^}]*step=""slate""[^}]*\} [1-9]", text);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^orgrestructure_tasks_open(\{[^}]*\})? [1-9]", text);
        Assert.Matches(@"(?m)^orgrestructure_relay_lag(\{[^}]*\})? \d+", text);
        Assert.Matches(@"(?m)^orgrestructure_email_outbox_pending(\{[^}]*\})? \d+", text);
    }

    [Fact]
    public async Task metrics_are_refused_to_an_anonymous_caller_and_to_a_signed_in_clerk()
    {
        await using var host = await ServerHost.StartAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var clerk = await host.ClientAsync("duyxuyen.reviewer");

        using var refused = await anonymous.GetAsync(Scrape.Metrics);
        using var forbidden = await clerk.GetAsync(Scrape.Metrics);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("orgrestructure_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("orgrestructure_", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
