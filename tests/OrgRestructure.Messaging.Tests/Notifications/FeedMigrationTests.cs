using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Messaging.Storage;
using OrgRestructure.Messaging.Tests.Support;
using OrgRestructure.Testing;

namespace OrgRestructure.Messaging.Tests.Notifications;

/// <summary>A feed created before notices knew their task gains the task column on start; its rows stay and link to their case.</summary>
public sealed class FeedMigrationTests
{
    /// <summary>messaging_feed as it shipped before the task column.</summary>
    private const string OldFeed = """
        CREATE TABLE messaging_feed (
            id TEXT PRIMARY KEY, recipient TEXT NOT NULL, source_event_id TEXT NOT NULL, case_id TEXT NOT NULL,
            district TEXT NOT NULL, step INTEGER NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
            created_ms BIGINT NOT NULL, read_ms BIGINT NULL, UNIQUE (recipient, source_event_id))
        """;

    private const string OldRow = """
        INSERT INTO messaging_feed (id, recipient, source_event_id, case_id, district, step, kind, subject, body, created_ms, read_ms)
        VALUES ('6f1c1f0e-0000-0000-0000-000000000001', 'duyxuyen.bantochuc', '6f1c1f0e-0000-0000-0000-0000000000aa', 'case-1', 'Duy Xuyên', 1, 'task-assigned', 'Nhiệm vụ mới ở bước 1', 'Kính gửi', 1700000000000, NULL)
        """;

    private const string NewRow = """
        INSERT INTO messaging_feed (id, recipient, source_event_id, case_id, district, step, kind, subject, body, created_ms, read_ms, task_id)
        VALUES ('6f1c1f0e-0000-0000-0000-000000000002', 'duyxuyen.bantochuc', '6f1c1f0e-0000-0000-0000-0000000000bb', 'case-1', 'Duy Xuyên', 2, 'task-assigned', 'Nhiệm vụ mới ở bước 2', 'Kính gửi', 1700000001000, NULL, 't-002')
        """;

    [Fact]
    public async Task an_sqlite_feed_from_before_the_task_column_keeps_its_rows_and_takes_task_links()
    {
        using var temp = new TempDirectory();
        var path = temp.File("orgrestructure.db");
        await using (var old = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await old.OpenAsync();
            await ExecuteAsync(old, OldFeed, OldRow);
        }

        await AssertMigratedAsync(() => MessagingDatabase.Sqlite(path));
    }

    [Fact]
    public async Task a_postgresql_feed_from_before_the_task_column_keeps_its_rows_and_takes_task_links()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("feedmigration");
        await using (var old = new NpgsqlConnection(database))
        {
            await old.OpenAsync();
            await ExecuteAsync(old, OldFeed, OldRow);
        }

        await AssertMigratedAsync(() => MessagingDatabase.Postgres(database));
    }

    private static async Task AssertMigratedAsync(Func<MessagingDatabase> open)
    {
        using (var first = open())
        {
            var feed = new SqlNotificationFeed(first);
            var old = Assert.Single(await feed.GetFeedAsync("duyxuyen.bantochuc"));
            Assert.Equal(("case-1", "Nhiệm vụ mới ở bước 1", (string?)null), (old.CaseId, old.Subject, old.TaskId));
            await using var connection = await first.OpenAsync();
            await ExecuteAsync(connection, NewRow);
        }

        // A second start finds the column in place and changes nothing.
        using var again = open();
        var items = await new SqlNotificationFeed(again).GetFeedAsync("duyxuyen.bantochuc");
        Assert.Equal(new (string, string?)[] { ("Nhiệm vụ mới ở bước 2", "t-002"), ("Nhiệm vụ mới ở bước 1", null) }, items.Select(i => (i.Subject, i.TaskId)));
    }

    private static async Task ExecuteAsync(DbConnection connection, params string[] statements)
    {
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant test SQL.
            command.CommandText = sql;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }
    }
}
