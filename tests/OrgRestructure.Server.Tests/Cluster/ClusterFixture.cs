using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Cluster;

/// <summary>
/// Three nodes on PostgreSQL and RabbitMQ behind HAProxy, started with deploy/cluster.sh from the
/// server this test run built, with the Quảng Nam pilot imported and launched through the proxy.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public const string ServedBy = "X-Served-By";

    public ClusterDeployment Cluster { get; private set; } = null!;

    /// <summary>The server build beside this test build (same configuration), as an operator would run it.</summary>
    public static string ServerDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;
            return Path.Combine(RepositoryPaths.RepositoryRoot, "src", "OrgRestructure.Server", "bin", configuration, testBin.Name, "OrgRestructure.Server.dll");
        }
    }

    public virtual async Task InitializeAsync()
    {
        Cluster = await ClusterDeployment.StartAsync(ServerDll);
        using var province = await ClientAsync("tinh.bantochuc");
        using var content = new StringContent(await File.ReadAllTextAsync(RepoPaths.Survey), Encoding.UTF8, "application/json");
        (await province.PostAsync("/api/surveys", content)).EnsureSuccessStatusCode();
        (await province.PostAsJsonAsync("/api/campaigns/current/pilot", new { districts = Scenario.Pilot })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A client without credentials, through HAProxy (no cookies kept).</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Cluster.BaseAddress };

    /// <summary>A client with a bearer token from POST /api/auth/token through HAProxy.</summary>
    public async Task<HttpClient> ClientAsync(string userName, string password = ServerHost.Password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await SignInAsync(userName, password)).Token);
        return client;
    }

    /// <summary>Signs in through HAProxy; the token and the node that issued it.</summary>
    public async Task<(string Token, string Node)> SignInAsync(string userName, string password = ServerHost.Password)
    {
        using var anonymous = Anonymous();
        using var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return (body!.AccessToken, NodeOf(response));
    }

    public static string NodeOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ServedBy, out var values) ? values.Single() : throw new InvalidOperationException($"no {ServedBy} header");

    private sealed record TokenBody(string AccessToken);
}
