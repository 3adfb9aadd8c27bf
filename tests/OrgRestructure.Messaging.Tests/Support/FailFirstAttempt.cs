using System.Collections.Concurrent;
using MassTransit;

namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>Makes the notification endpoint throw on the first attempt at every message (a transient fault), inside the retry policy.</summary>
internal sealed class FailFirstAttempt
{
    private readonly ConcurrentDictionary<Guid, bool> _failed = new();

    public int Failures => _failed.Count;

    public void Configure(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseExecute(context =>
        {
            if (context.MessageId is { } id && _failed.TryAdd(id, true))
            {
                throw new TimeoutException($"Transient fault on the first attempt at {id}");
            }
        });
}
