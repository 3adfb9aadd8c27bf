namespace OrgRestructure.EventStore.Migrations;

/// <summary>One numbered schema change. Numbers only grow; an applied migration is never edited.</summary>
public sealed record Migration(int Version, string Name, string Sql);
