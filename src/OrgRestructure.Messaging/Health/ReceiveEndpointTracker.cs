using System.Collections.Concurrent;
using MassTransit;

namespace OrgRestructure.Messaging.Health;

/// <summary>
/// Remembers every receive endpoint of the bus and what it last reported. An endpoint that
/// faulted (RabbitMQ's consumer_timeout closes its channel; a broker restart drops it) may never
/// come back by itself, and restarting the whole bus does not restart it either (MassTransit 8.4):
/// the watchdog restarts such an endpoint directly, through the handle kept here.
/// </summary>
public sealed class ReceiveEndpointTracker(TimeProvider clock) : IReceiveEndpointObserver
{
    private readonly ConcurrentDictionary<Uri, EndpointStatus> _endpoints = new();

    /// <summary>Endpoints not ready (faulted, stopped or still starting), with how long they have been so.</summary>
    public IReadOnlyList<EndpointStatus> NotReady() =>
        [.. _endpoints.Values.Where(e => e.State != EndpointState.Ready).OrderBy(e => e.Address.ToString(), StringComparer.Ordinal)];

    public IReadOnlyList<EndpointStatus> All() => [.. _endpoints.Values];

    /// <summary>Stops and starts one endpoint: a new transport agent, connected afresh.</summary>
    public async Task RestartAsync(EndpointStatus endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        // Bounded even if the transport ignores the token while it waits in its reconnect retry.
        await endpoint.Endpoint.Stop(cancellationToken).WaitAsync(cancellationToken);
        await Record(endpoint.Endpoint, endpoint.Address, EndpointState.Restarting, null);
        endpoint.Endpoint.Start(cancellationToken);
    }

    public Task Ready(ReceiveEndpointReady ready) => Record(ready.ReceiveEndpoint, ready.InputAddress, EndpointState.Ready, null);

    public Task Stopping(ReceiveEndpointStopping stopping) => Record(stopping.ReceiveEndpoint, stopping.InputAddress, EndpointState.Stopped, null);

    public Task Completed(ReceiveEndpointCompleted completed) => Record(completed.ReceiveEndpoint, completed.InputAddress, EndpointState.Stopped, null);

    public Task Faulted(ReceiveEndpointFaulted faulted) => Record(faulted.ReceiveEndpoint, faulted.InputAddress, EndpointState.Faulted, faulted.Exception?.Message);

    private Task Record(IReceiveEndpoint endpoint, Uri address, EndpointState state, string? error)
    {
        var now = clock.GetUtcNow();
        _endpoints.AddOrUpdate(
            address,
            _ => new EndpointStatus(address, endpoint, state, now, error),
            (_, old) => old.State == state ? old with { Endpoint = endpoint, Error = error ?? old.Error } : new EndpointStatus(address, endpoint, state, now, error));
        return Task.CompletedTask;
    }
}

public enum EndpointState
{
    Ready,
    Faulted,
    Stopped,
    Restarting,
}

/// <summary>One receive endpoint as last reported; <see cref="Since"/> is when it entered <see cref="State"/>.</summary>
public sealed record EndpointStatus(Uri Address, IReceiveEndpoint Endpoint, EndpointState State, DateTimeOffset Since, string? Error);
