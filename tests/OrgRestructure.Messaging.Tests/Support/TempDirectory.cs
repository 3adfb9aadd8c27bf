using OrgRestructure.EventStore.Sqlite;

namespace OrgRestructure.Messaging.Tests.Support;

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orgrestructure-msg-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The embedded store: a migrated SQLite file in this directory.</summary>
    public async Task<SqliteEventStore> SqliteStoreAsync()
    {
        var store = new SqliteEventStore(File("orgrestructure.db"));
        await store.MigrateAsync();
        return store;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle still closing; the temp dir is cleaned by the OS later.
        }
    }
}
