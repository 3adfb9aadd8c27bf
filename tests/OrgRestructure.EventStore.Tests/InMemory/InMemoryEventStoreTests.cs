using OrgRestructure.EventStore.InMemory;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Streams;

namespace OrgRestructure.EventStore.Tests.InMemory;

public sealed class InMemoryEventStoreTests : EventStoreContract
{
    protected override Task<IEventStore> CreateStoreCoreAsync(EventStoreOptions options) =>
        Task.FromResult<IEventStore>(new InMemoryEventStore(options.Clock));
}
