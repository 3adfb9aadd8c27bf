using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Auth;

/// <summary>Sign-ins that are not cached: tests of accounts that change need each token fresh.</summary>
internal static class AuthClient
{
    public static async Task<HttpResponseMessage> TokenAsync(ServerHost host, string userName, string password)
    {
        using var anonymous = host.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password });
    }

    public static async Task<HttpClient> SignedInAsync(ServerHost host, string userName, string password = ServerHost.Password)
    {
        using var response = await TokenAsync(host, userName, password);
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<Token>())!.AccessToken;
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client signed in through the /login form (cookie, antiforgery), redirects not followed.</summary>
    public static async Task<HttpClient> BrowserAsync(ServerHost host, string userName, string password = ServerHost.Password)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var signIn = await PostFormAsync(browser, "/login", "/login", new() { ["userName"] = userName, ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    /// <summary>Posts a page's form the way a browser does: with the antiforgery token the page gave.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private sealed record Token(string AccessToken);
}
