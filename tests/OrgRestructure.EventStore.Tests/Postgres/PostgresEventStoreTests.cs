using Npgsql;
using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Streams;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Postgres;

public sealed class PostgresEventStoreTests : RelationalEventStoreContract
{
    protected override IRelationalEventStore Open(string location, EventStoreOptions options) => new PostgresEventStore(location, options);

    protected override Task<string> NewLocationAsync() => TestDatabases.CreatePostgresAsync();

    [Fact]
    public async Task a_transaction_open_in_another_database_of_the_server_does_not_hold_back_reading_all()
    {
        var store = await CreateStoreAsync();
        await using var elsewhere = new NpgsqlConnection(await TestDatabases.CreatePostgresAsync());
        await elsewhere.OpenAsync();
        await using var open = await elsewhere.BeginTransactionAsync();
        await using (var takeId = new NpgsqlCommand("SELECT pg_current_xact_id()", elsewhere, open))
        {
            await takeId.ExecuteScalarAsync();
        }

        var stream = Events.NewStream();
        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched", "ConferenceHeld"));

        Assert.Equal(["CaseLaunched", "ConferenceHeld"], (await store.ReadAllAsync(0, 10)).Select(e => e.Type));
        Assert.Equal(["CaseLaunched", "ConferenceHeld"], await store.ScanAllAsync(0).Select(e => e.Type).ToListAsync());
    }
}
