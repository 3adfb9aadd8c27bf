using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Audit;

public sealed class PilotCaseHost : IAsyncLifetime
{
    public ServerHost Host { get; private set; } = null!;

    public string CaseId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(Host);
        CaseId = await Scenario.CaseIdAsync(Host);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Pages and the HTML audit export carry Vietnamese letters as characters, not &amp;#x…; entities.</summary>
public sealed class VietnameseAsCharactersTests(PilotCaseHost fixture) : IClassFixture<PilotCaseHost>
{
    [Fact]
    public async Task the_dashboard_serves_vietnamese_letters_as_characters()
    {
        using var client = await fixture.Host.ClientAsync("duyxuyen.thuongvu");
        var html = await client.GetStringAsync("/");

        Assert.Contains("Đ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_html_audit_export_serves_vietnamese_letters_as_characters()
    {
        using var client = await fixture.Host.ClientAsync("duyxuyen.thuongvu");
        var html = await client.GetStringAsync($"/api/audit/{fixture.CaseId}/export?format=html");

        Assert.Contains("Đ", html, StringComparison.Ordinal);
        Assert.Contains("Duy Xuyên", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", html.Replace("&#39;", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
