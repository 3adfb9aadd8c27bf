using System.Net;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Localization;

public sealed class LanguageSwitchHost : IAsyncLifetime
{
    public ServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ServerHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>/lang/{code} only goes back to a local return URL; anything else goes to "/".</summary>
public sealed class LanguageSwitchRedirectTests(LanguageSwitchHost fixture) : IClassFixture<LanguageSwitchHost>
{
    [Theory]
    [InlineData("%2F%2Fx")]
    [InlineData("//x")]
    [InlineData("/%5Cx")]
    [InlineData("/\\x")]
    [InlineData("http:x")]
    [InlineData("https://evil.example")]
    [InlineData("%2F%5Cevil.example")]
    public async Task a_return_url_that_is_not_local_redirects_to_the_root(string returnUrl)
    {
        Assert.Equal("/", await LocationAsync(returnUrl));
    }

    [Fact]
    public async Task a_local_return_url_is_honoured()
    {
        Assert.Equal("/cases", await LocationAsync("/cases"));
    }

    private async Task<string> LocationAsync(string rawReturnUrl)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = fixture.Host.BaseAddress };
        using var response = await client.GetAsync(new Uri(fixture.Host.BaseAddress, "/lang/en?returnUrl=" + rawReturnUrl.Replace("\\", "%5C", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
