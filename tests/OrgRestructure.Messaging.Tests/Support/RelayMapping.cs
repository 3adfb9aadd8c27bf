using OrgRestructure.Contracts;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Messaging.Relay;

namespace OrgRestructure.Messaging.Tests.Support;

internal static class RelayMapping
{
    /// <summary>What the relay publishes for every event of the store, in order, with the tests' definitions.</summary>
    public static async Task<List<ICaseIntegrationEvent>> MapAllAsync(IEventStore store)
    {
        var facts = new CaseFactsCache(store, SevenStepCase.Definitions.Value);
        var mapped = new List<ICaseIntegrationEvent>();
        foreach (var e in await store.ReadAllAsync(0, 10_000))
        {
            if (StoredEventMap.Map(await facts.ViewAsync(e, CancellationToken.None)) is { } message)
            {
                mapped.Add(message);
            }
        }

        return mapped;
    }
}
