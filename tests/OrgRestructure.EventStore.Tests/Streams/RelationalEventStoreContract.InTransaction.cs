using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Support;
using OrgRestructure.EventStore.Verification;

namespace OrgRestructure.EventStore.Tests.Streams;

/// <summary>Appends into a caller's transaction: a change to another table and the event recording it commit together or not at all.</summary>
public abstract partial class RelationalEventStoreContract
{
    private const string SideTable = "CREATE TABLE IF NOT EXISTS side_rows (id TEXT PRIMARY KEY)";

    [Fact]
    public async Task an_append_in_a_callers_transaction_that_rolls_back_leaves_neither_the_events_nor_the_callers_row()
    {
        var store = await CreateRelationalAsync();
        var stream = Events.NewStream("accounts");
        await CreateSideTableAsync(store);

        await using (var scope = await store.BeginWriteAsync())
        {
            await InsertSideRowAsync(scope, "rolled-back");
            var appended = await store.AppendAsync(scope, Events.Append(stream, AppendRequest.Any, "Changed"));
            Assert.Equal((1L, 1L), (appended.FromVersion, appended.ToVersion));
        }

        Assert.Equal(0, await store.GetStreamVersionAsync(stream));
        Assert.Equal(0L, await CountSideRowsAsync(store));

        // The stream's next append starts the chain afresh: no head of the rolled-back one was kept.
        var next = await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "Created"));
        Assert.Equal(1L, next.ToVersion);
        Assert.True((await new ChainVerifier(store).VerifyStreamAsync(stream)).IsValid);
    }

    [Fact]
    public async Task an_append_in_a_callers_transaction_that_commits_stores_both_and_the_chain_goes_on_from_it()
    {
        var store = await CreateRelationalAsync();
        var stream = Events.NewStream("accounts");
        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "Created"));
        await CreateSideTableAsync(store);

        await using (var scope = await store.BeginWriteAsync())
        {
            await InsertSideRowAsync(scope, "committed");
            var appended = await store.AppendAsync(scope, Events.Append(stream, 1, "Changed"));
            Assert.Equal(2L, appended.ToVersion);
            await scope.CommitAsync();
        }

        var after = await store.AppendAsync(Events.Append(stream, AppendRequest.Any, "ChangedAgain"));
        var events = await store.ReadStreamAsync(stream);
        Assert.Equal(["Created", "Changed", "ChangedAgain"], events.Select(e => e.Type));
        Assert.Equal(3L, after.ToVersion);
        Assert.Equal(events[1].Hash, events[2].PreviousHash);
        Assert.Equal(1L, await CountSideRowsAsync(store));
        Assert.True((await new ChainVerifier(store).VerifyStreamAsync(stream)).IsValid);
    }

    [Fact]
    public async Task an_append_in_a_callers_transaction_refuses_a_stale_expected_version_and_a_command_id()
    {
        var store = await CreateRelationalAsync();
        var stream = Events.NewStream("accounts");
        await store.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "Created", "Changed"));

        await using var scope = await store.BeginWriteAsync();
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => store.AppendAsync(scope, Events.Append(stream, 1, "Late")));
        var command = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(scope, Events.AppendCommand(stream, AppendRequest.Any, "cmd-1", "Retried")));

        Assert.Equal(2, stale.ActualVersion);
        Assert.Contains("command id", command.Message, StringComparison.Ordinal);
    }

    private static async Task CreateSideTableAsync(IRelationalEventStore store)
    {
        await using var scope = await store.BeginWriteAsync();
        await using var create = scope.CreateCommand(SideTable);
        await create.ExecuteNonQueryAsync();
        await scope.CommitAsync();
    }

    private static async Task InsertSideRowAsync(WriteScope scope, string id)
    {
        await using var insert = scope.CreateCommand("INSERT INTO side_rows (id) VALUES (@id)");
        Assert.Equal(1, await insert.With("id", id).ExecuteNonQueryAsync());
    }

    private static async Task<long> CountSideRowsAsync(IRelationalEventStore store)
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var count = connection.CreateCommand("SELECT count(*) FROM side_rows");
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
