using System.Net;

namespace OrgRestructure.Server.Tests.Features.Shared;

/// <summary>/favicon.ico is served (via the SVG icon), not a 404, and the layout links the icon.</summary>
public sealed class FaviconTests(SecurityHeadersHost fixture) : IClassFixture<SecurityHeadersHost>
{
    [Fact]
    public async Task the_favicon_is_served_and_linked_from_the_layout()
    {
        using var anonymous = fixture.Host.Anonymous();
        using var icon = await anonymous.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);

        using var client = await fixture.Host.ClientAsync("duyxuyen.thuongvu");
        Assert.Contains("href=\"/favicon.svg\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
