using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrgRestructure.Hosting.Configuration;

namespace OrgRestructure.Server.Tests.Health;

/// <summary>The real server in-process with the given configuration and a data directory of its own.</summary>
internal sealed class HealthServer : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public HealthServer(string? eventStore = null, Uri? rabbitMq = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "orgrestructure-health-" + Guid.NewGuid().ToString("N")[..12]);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting(OrgRestructureSettings.DataDirectoryKey, DataDirectory);
            web.UseSetting(OrgRestructureSettings.EventStoreKey, eventStore ?? "");
            web.UseSetting(OrgRestructureSettings.RabbitMqKey, rabbitMq?.ToString() ?? "");
        });
        Client = _factory.CreateClient();
    }

    public string DataDirectory { get; }

    public HttpClient Client { get; }

    public async Task<HealthResponse> GetAsync(string path = "/health")
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return new HealthResponse(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    /// <summary>
    /// Polls until /health answers with the expected status (or two minutes pass) and returns the
    /// last answer. Reconnecting clients may take a moment to notice a broker come back.
    /// </summary>
    public async Task<HealthResponse> WaitForAsync(HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var health = await GetAsync();
            if (health.Status == expected || DateTime.UtcNow > deadline)
            {
                return health;
            }

            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record HealthResponse(HttpStatusCode Status, JsonElement Json, string Body)
{
    public JsonElement Check(string name) =>
        Json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public string CheckStatus(string name) => Check(name).GetProperty("status").GetString()!;

    public string Backend(string name) => Check(name).GetProperty("data").GetProperty("backend").GetString()!;

    public IReadOnlyList<string> Unhealthy => [.. Json.GetProperty("unhealthy").EnumerateArray().Select(e => e.GetString()!)];
}
