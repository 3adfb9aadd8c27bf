using MassTransit;

namespace OrgRestructure.Messaging.Health;

/// <summary>Sent by a node's health monitor to its own probe queue: arriving proves this node's connection still consumes.</summary>
public sealed record BusProbe(Guid Id, string Node, DateTimeOffset SentAt);

public sealed class BusProbeConsumer(BusHealthState state) : IConsumer<BusProbe>
{
    public Task Consume(ConsumeContext<BusProbe> context)
    {
        state.ProbeReceived(context.Message.SentAt);
        return Task.CompletedTask;
    }
}
