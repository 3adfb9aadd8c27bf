namespace OrgRestructure.EventStore.Storage;

/// <summary>Which database a relational store writes to; projections use it to pick their SQL dialect.</summary>
public enum EventStoreBackend
{
    Sqlite,
    Postgres,
}
