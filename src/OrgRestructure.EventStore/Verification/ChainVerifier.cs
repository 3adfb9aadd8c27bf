using OrgRestructure.EventStore.Hashing;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Verification;

/// <summary>Checks the hash chain of every stream, or of one.</summary>
public interface IStoreVerifier
{
    Task<VerificationReport> VerifyAllAsync(CancellationToken cancellationToken = default);

    Task<VerificationReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default);
}

/// <summary>Why an event failed verification.</summary>
public enum VerificationProblem
{
    /// <summary>The stored hash is not the hash of the stored content: the event was altered.</summary>
    HashMismatch,

    /// <summary>The event's previous-hash is not its predecessor's hash: an event was removed, inserted or rewritten.</summary>
    BrokenLink,

    /// <summary>Stream versions are not 1, 2, 3, …: an event is missing.</summary>
    VersionGap,

    /// <summary>Verification of a stream that holds no events.</summary>
    StreamNotFound,
}

/// <summary>The first event of a stream that does not verify.</summary>
public sealed record VerificationFailure(string StreamId, long StreamVersion, Guid EventId, long GlobalPosition, VerificationProblem Problem)
{
    public string Describe() => Problem switch
    {
        VerificationProblem.HashMismatch => $"stream '{StreamId}' version {StreamVersion} (event {EventId}, position {GlobalPosition}): hash does not match its content / mã băm không khớp nội dung",
        VerificationProblem.BrokenLink => $"stream '{StreamId}' version {StreamVersion} (event {EventId}, position {GlobalPosition}): previous hash does not match the event before it / liên kết chuỗi băm bị đứt",
        VerificationProblem.VersionGap => $"stream '{StreamId}' version {StreamVersion} (event {EventId}, position {GlobalPosition}): versions are not contiguous / thiếu phiên bản",
        _ => $"stream '{StreamId}' has no events / luồng không có sự kiện",
    };
}

/// <summary>Outcome: counts checked and, per broken stream, its first bad event.</summary>
public sealed record VerificationReport(int StreamsChecked, long EventsChecked, IReadOnlyList<VerificationFailure> Failures)
{
    public bool IsValid => Failures.Count == 0;

    public VerificationFailure? FirstFailure => Failures.Count == 0 ? null : Failures[0];
}

/// <summary>
/// Re-computes every event's hash from its stored content and checks each link to its predecessor.
/// Works on any <see cref="IEventStore"/>, so all back ends verify the same way.
/// </summary>
public sealed class ChainVerifier(IEventStore store, int pageSize = 1000) : IStoreVerifier
{
    public async Task<VerificationReport> VerifyAllAsync(CancellationToken cancellationToken = default)
    {
        var failures = new List<VerificationFailure>();
        long events = 0;
        var streams = await store.ListStreamsAsync(cancellationToken);
        foreach (var streamId in streams)
        {
            var (count, failure) = await VerifyAsync(streamId, cancellationToken);
            events += count;
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        return new VerificationReport(streams.Count, events, failures);
    }

    public async Task<VerificationReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var (count, failure) = await VerifyAsync(streamId, cancellationToken);
        if (count == 0 && failure is null)
        {
            failure = new VerificationFailure(streamId, 0, Guid.Empty, 0, VerificationProblem.StreamNotFound);
        }

        return new VerificationReport(1, count, failure is null ? [] : [failure]);
    }

    private async Task<(long Count, VerificationFailure? Failure)> VerifyAsync(string streamId, CancellationToken cancellationToken)
    {
        var previousHash = EventHasher.GenesisHash;
        long expectedVersion = 1;
        while (true)
        {
            var page = await store.ReadStreamAsync(streamId, new StreamRange(expectedVersion, expectedVersion + pageSize - 1), cancellationToken);
            foreach (var e in page)
            {
                var problem = e.StreamVersion != expectedVersion ? VerificationProblem.VersionGap
                    : !string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal) ? VerificationProblem.BrokenLink
                    : !EventHasher.Verify(e) ? VerificationProblem.HashMismatch
                    : (VerificationProblem?)null;
                if (problem is { } p)
                {
                    return (expectedVersion, new VerificationFailure(streamId, e.StreamVersion, e.EventId, e.GlobalPosition, p));
                }

                previousHash = e.Hash;
                expectedVersion++;
            }

            if (page.Count < pageSize)
            {
                return (expectedVersion - 1, null);
            }
        }
    }
}
