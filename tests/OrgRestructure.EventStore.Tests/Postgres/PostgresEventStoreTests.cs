using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Tests.Streams;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Postgres;

public sealed class PostgresEventStoreTests : RelationalEventStoreContract
{
    protected override IRelationalEventStore Open(string location, EventStoreOptions options) => new PostgresEventStore(location, options);

    protected override Task<string> NewLocationAsync() => TestDatabases.CreatePostgresAsync();
}
