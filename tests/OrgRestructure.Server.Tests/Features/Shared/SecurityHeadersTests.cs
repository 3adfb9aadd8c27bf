using System.Net;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Shared;

public sealed class SecurityHeadersHost : IAsyncLifetime
{
    public ServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ServerHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Pages, API responses and 404s all carry the security headers; HSTS only over HTTPS.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersHost fixture) : IClassFixture<SecurityHeadersHost>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/notifications", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = await fixture.Host.ClientAsync("duyxuyen.thuongvu");
        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : string.Empty;
}
