using OrgRestructure.EventStore.Projections;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.EventStore.Tests.Support;

/// <summary>
/// An inline projection that holds an append's transaction open while the event type is "Held"
/// (until released) and fails an append whose event type is "Doomed": the two ways a transaction
/// with a low position can misbehave.
/// </summary>
internal sealed class GateProjection : IInlineProjection
{
    private readonly TaskCompletionSource<StoredEvent> _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the held event (its position is reserved) once its transaction is open.</summary>
    public Task<StoredEvent> Entered => _entered.Task;

    public void Release() => _release.TrySetResult();

    public async Task ApplyAsync(WriteScope scope, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        if (events.Any(e => e.Type == "Doomed"))
        {
            throw new InvalidOperationException("doomed append rolls back");
        }

        if (events.FirstOrDefault(e => e.Type == "Held") is { } held)
        {
            _entered.TrySetResult(held);
            await _release.Task.WaitAsync(cancellationToken);
        }
    }
}
