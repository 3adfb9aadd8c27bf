using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Server.Tests.Infrastructure;

/// <summary>
/// The real server (Program.cs, Kestrel on 127.0.0.1, a free port) with its own temporary data
/// directory. Extra settings select PostgreSQL / RabbitMQ when a test asks for them.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    public const string Password = "QuangNam@2014";
    private readonly Factory _factory;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private ServerHost(Factory factory, Uri baseAddress, string dataDirectory)
    {
        _factory = factory;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _factory.Services;

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    /// <summary>Starts the server; <paramref name="services"/> may replace services after the server registered its own (e.g. a counting store).</summary>
    public static Task<ServerHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "orgrestructure-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["ORGRESTRUCTURE_DATA_DIR"] = dataDirectory };

        // Every test signs in as the demo accounts, on PostgreSQL too (where they are not seeded by default).
        all.TryAdd("DemoUsers:Seed", "true");
        var factory = new Factory(all, services);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.FromResult(new ServerHost(factory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)), dataDirectory));
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client signed in as <paramref name="userName"/> with a bearer token from POST /api/auth/token.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = Password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
            _tokens[userName] = token;
        }

        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Every event of every stream: what "nothing appended" is checked against.</summary>
    public async Task<long> TotalEventsAsync()
    {
        var all = await Store.ReadAllAsync(0, int.MaxValue);
        return all.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try
        {
            // The server's log is what explains a failed browser step; the data dir goes, the log stays.
            var logs = Path.Combine(DataDirectory, "logs");
            foreach (var file in Directory.Exists(logs) ? Directory.GetFiles(logs) : [])
            {
                File.Copy(file, Path.Combine(RepoPaths.ServerLogs, $"{Path.GetFileName(DataDirectory)}-{Path.GetFileName(file)}"), overwrite: true);
            }

            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp dir is cleaned by the OS.
        }
    }

    private sealed record TokenBody(string AccessToken);

    private sealed class Factory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
