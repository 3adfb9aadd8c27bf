using System.Net.Http.Headers;
using System.Net.Http.Json;
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

    private sealed record Token(string AccessToken);
}
