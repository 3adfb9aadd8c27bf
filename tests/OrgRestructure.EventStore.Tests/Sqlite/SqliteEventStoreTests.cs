using OrgRestructure.EventStore.Sqlite;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Tests.Streams;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Sqlite;

public sealed class SqliteEventStoreTests : RelationalEventStoreContract
{
    protected override IRelationalEventStore Open(string location, EventStoreOptions options) => new SqliteEventStore(location, options);

    protected override Task<string> NewLocationAsync() => Task.FromResult(TestDatabases.NewSqlitePath());
}
