namespace OrgRestructure.EventStore.Tests.Support;

/// <summary>A clock the test moves by hand, so "as of" reads have exact boundaries.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
