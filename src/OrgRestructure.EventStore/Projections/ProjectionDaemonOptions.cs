namespace OrgRestructure.EventStore.Projections;

public sealed class ProjectionDaemonOptions
{
    /// <summary>Wait between catch-up rounds when there was nothing new.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Events per projection transaction.</summary>
    public int BatchSize { get; set; } = 500;
}
