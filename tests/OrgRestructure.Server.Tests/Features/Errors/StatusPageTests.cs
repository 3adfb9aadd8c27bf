using System.Net;
using System.Net.Http.Headers;
using OrgRestructure.Server.Tests.Features.Shared;

namespace OrgRestructure.Server.Tests.Features.Errors;

/// <summary>A page that is not there answers 404 inside the layout: the header, the navigation and the language switch, so the person can go on.</summary>
public sealed class StatusPageTests(SecurityHeadersHost fixture) : IClassFixture<SecurityHeadersHost>
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/cases/case-khong-co-1")]
    [InlineData("/css/khong-co.css")]
    public async Task a_page_not_found_is_404_with_the_header_and_navigation(string path)
    {
        using var client = await fixture.Host.ClientAsync("duyxuyen.thuongvu");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<nav>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/inbox\"", html, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy trang hoặc mục này.", html, StringComparison.Ordinal);
        Assert.Contains("This page or item was not found.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_page_not_found_before_signing_in_is_404_with_the_header_not_a_sign_in_redirect()
    {
        using var anonymous = fixture.Host.Anonymous();

        using var response = await anonymous.GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<header class=\"top\">", html, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy trang hoặc mục này.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_api_address_not_found_stays_a_problem_document()
    {
        using var client = await fixture.Host.ClientAsync("duyxuyen.thuongvu");

        using var response = await client.GetAsync("/api/khong-co");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
