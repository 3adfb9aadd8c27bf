using System.Net;
using System.Net.Http.Headers;
using OrgRestructure.Hosting.Telemetry;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Telemetry;

/// <summary>The long-lived credential a Prometheus scraper sends to /metrics (Metrics:ScrapeToken).</summary>
[Collection(MetricsScrapeCollection.Name)]
public sealed class MetricsScrapeTokenTests
{
    private const string ScrapeToken = "b1e0c5a6f3d94e2a8c7b6d5e4f3a2b1c0d9e8f7a6b5c4d3e";
    private static readonly Uri Metrics = Scrape.Metrics;
    private static readonly Dictionary<string, string> Settings = new() { [MetricsScrapeHandler.TokenKey] = ScrapeToken };

    [Fact]
    public async Task a_scraper_with_the_configured_scrape_token_reads_the_gauges_on_metrics_and_an_administrator_still_does()
    {
        await using var host = await ServerHost.StartAsync(Settings);
        using var scraper = Bearer(host, ScrapeToken);
        using var admin = await host.ClientAsync("admin");

        var text = await Scrape.UntilAsync(scraper, t => t.Contains("orgrestructure_tasks_open", StringComparison.Ordinal), "the gauges, with the scrape token,");
        using var asAdmin = await admin.GetAsync(Metrics);

        Assert.Matches(@"(?m)^orgrestructure_tasks_open(\{[^}]*\})? \d+", text);
        Assert.Matches(@"(?m)^orgrestructure_relay_lag(\{[^}]*\})? \d+", text);
        Assert.Matches(@"(?m)^orgrestructure_email_outbox_pending(\{[^}]*\})? \d+", text);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("orgrestructure_tasks_open", await asAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task metrics_answer_401_to_a_wrong_scrape_token_and_to_no_credential()
    {
        await using var host = await ServerHost.StartAsync(Settings);
        using var wrong = Bearer(host, ScrapeToken[..^1] + "0");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var refused = await wrong.GetAsync(Metrics);
        using var unauthenticated = await anonymous.GetAsync(Metrics);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("orgrestructure_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.DoesNotContain("orgrestructure_", await unauthenticated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_scrape_token_opens_nothing_but_metrics()
    {
        await using var host = await ServerHost.StartAsync(Settings);
        using var scraper = Bearer(host, ScrapeToken);

        using var accounts = await scraper.GetAsync(new Uri("/api/accounts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, accounts.StatusCode);
    }

    [Fact]
    public async Task a_scrape_is_logged_as_the_scraper_and_the_token_is_never_written_to_the_log()
    {
        await using var host = await ServerHost.StartAsync(Settings);
        using var scraper = Bearer(host, ScrapeToken);
        using var wrong = Bearer(host, "x" + ScrapeToken);
        (await scraper.GetAsync(Metrics)).Dispose();
        (await wrong.GetAsync(Metrics)).Dispose();

        var log = "";
        await Eventually.UntilAsync(
            () => Task.FromResult((log = ServerLog(host)).Split('\n').Count(l => l.Contains(TelemetryExtensions.MetricsPath, StringComparison.Ordinal) && l.Contains("\"RequestPath\"", StringComparison.Ordinal)) >= 2),
            () => $"both scrapes in the server's request log:\n{log}");

        Assert.Contains($"\"Actor\":\"{MetricsScrapeHandler.ScraperName}\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain(ScrapeToken, log, StringComparison.Ordinal);
    }

    /// <summary>The server's CLEF files as text so far (it keeps writing while this reads).</summary>
    private static string ServerLog(ServerHost host)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(host.DataDirectory, "logs"), "server-*.clef"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    private static HttpClient Bearer(ServerHost host, string token)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
