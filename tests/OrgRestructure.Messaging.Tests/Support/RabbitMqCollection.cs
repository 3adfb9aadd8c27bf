namespace OrgRestructure.Messaging.Tests.Support;

/// <summary>
/// Test classes that use the shared RabbitMQ run one after another: one of them stops the broker
/// for an outage test, which must not break the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = false)]
public sealed class RabbitMqCollection
{
    public const string Name = "rabbitmq";
}
