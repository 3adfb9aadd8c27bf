using OrgRestructure.EventStore.Sqlite;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Sqlite;

public sealed class SqliteWriterLockTests
{
    [Fact]
    public async Task two_store_instances_on_one_file_share_the_writer_lock_so_exactly_one_append_wins()
    {
        var path = TestDatabases.NewSqlitePath();
        var first = new SqliteEventStore(path);
        var second = new SqliteEventStore(path);
        await first.MigrateAsync();
        var stream = Events.NewStream();
        await first.AppendAsync(Events.Append(stream, AppendRequest.NoStream, "CaseLaunched"));

        var outcomes = await Task.WhenAll(new[] { first, second }.Select(store => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(Events.Append(stream, 1, "DecisionIssued"));
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        Assert.Equal(2, await second.GetStreamVersionAsync(stream));
        Assert.Equal(first.Path, second.Path);
    }

    [Fact]
    public async Task an_expected_version_below_any_is_refused()
    {
        var store = new SqliteEventStore(TestDatabases.NewSqlitePath());
        await store.MigrateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AppendAsync(Events.Append(Events.NewStream(), -2, "CaseLaunched")));
    }
}
