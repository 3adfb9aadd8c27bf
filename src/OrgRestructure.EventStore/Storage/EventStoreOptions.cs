using OrgRestructure.EventStore.Projections;

namespace OrgRestructure.EventStore.Storage;

/// <summary>Settings shared by both relational back ends.</summary>
public sealed class EventStoreOptions
{
    /// <summary>Projections run inside every append's transaction, in this order.</summary>
    public IList<IInlineProjection> InlineProjections { get; } = [];

    /// <summary>Clock for event timestamps (tests pin it to read "as of" a time).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How often an append with <c>ExpectedVersion = Any</c> retries after losing a race.</summary>
    public int AnyVersionRetries { get; set; } = 50;
}
