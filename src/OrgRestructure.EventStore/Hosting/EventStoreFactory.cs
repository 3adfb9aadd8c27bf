using OrgRestructure.EventStore.Postgres;
using OrgRestructure.EventStore.Sqlite;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.EventStore.Hosting;

/// <summary>Picks the back end from configuration: PostgreSQL when a connection string is set, else the SQLite file.</summary>
public static class EventStoreFactory
{
    public static IRelationalEventStore Create(string? postgresConnectionString, string sqlitePath, EventStoreOptions? options = null) =>
        string.IsNullOrWhiteSpace(postgresConnectionString)
            ? new SqliteEventStore(sqlitePath, options)
            : new PostgresEventStore(postgresConnectionString, options);
}
