using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Messaging.Email;
using OrgRestructure.Messaging.Health;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Relay;

namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>One server node's messaging side: a real host with the relay, consumers and bus health monitor.</summary>
internal sealed class MessagingNode : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingNode(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public INotificationFeed Feed => Services.GetRequiredService<INotificationFeed>();

    public RelayStatus Relay => Services.GetRequiredService<RelayStatus>();

    public BusHealthState Bus => Services.GetRequiredService<BusHealthState>();

    public EmailOutbox Emails => Services.GetRequiredService<EmailOutbox>();

    public static async Task<MessagingNode> StartAsync(IEventStore store, Uri? rabbitMq, IParticipantDirectory directory, Action<MessagingOptions> configure, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("MassTransit", LogLevel.Error);
        builder.Logging.AddFilter("OrgRestructure", LogLevel.Information);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton(SevenStepCase.Definitions.Value);
        services?.Invoke(builder.Services);
        builder.Services.AddOrgRestructureMessaging(rabbitMq?.ToString(), o =>
        {
            o.RelayPollInterval = TimeSpan.FromMilliseconds(50);
            o.RetryMinInterval = TimeSpan.FromMilliseconds(50);
            o.RetryMaxInterval = TimeSpan.FromMilliseconds(500);
            o.ProbeInterval = TimeSpan.FromSeconds(1);
            o.LeaderRetryInterval = TimeSpan.FromMilliseconds(200);
            o.PublishTimeout = TimeSpan.FromSeconds(3);
            o.NodeName = "node-" + Guid.NewGuid().ToString("N")[..8];
            configure(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new MessagingNode(host);
    }

    public async Task<HealthStatus> HealthAsync()
    {
        var report = await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == MessagingHealthCheck.Name);
        return report.Status;
    }

    /// <summary>State for a failure message.</summary>
    public string Describe() =>
        $"relay leader={Relay.IsLeader} position={Relay.Position} published={Relay.Published} error={Relay.LastError}; bus healthy={Bus.IsHealthy} '{Bus.Description}' lastCheck={Bus.LastCheckedAt:HH:mm:ss} now={DateTimeOffset.UtcNow:HH:mm:ss}";

    public async Task StopAsync() => await _host.StopAsync(TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}

internal static class ServiceProviderExtensions
{
    public static MessagingOptions GetOptions(this IServiceProvider services) => services.GetRequiredService<MessagingOptions>();
}
