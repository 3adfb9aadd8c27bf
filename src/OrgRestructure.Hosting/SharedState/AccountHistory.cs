using System.Text.Json;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Hosting.SharedState;

/// <summary>One recorded change: what, to which account, by whom and when, and its link in the chain.</summary>
public sealed record AccountChange(long Version, DateTimeOffset At, string Actor, string ActorRole, IAccountEvent Change, string Hash);

/// <summary>
/// Every change to an account as an event of one stream, <see cref="StreamId"/>, in the event store:
/// hash-chained like a case's, so an auditor can prove who created, disabled, re-scoped or reset
/// whom, and that no entry was removed or altered. The accounts table stays what sign-in reads; the
/// stream is its audit trail.
/// </summary>
public sealed class AccountHistory(IRelationalEventStore store)
{
    public const string StreamId = "accounts";

    /// <summary>The actor of a change made with the command line: this prefix and the operator's login.</summary>
    public const string OperatorPrefix = "operator:";

    public const string OperatorRole = "Operator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(AccountCreated), typeof(AccountDisabled), typeof(AccountEnabled), typeof(AccountRoleChanged), typeof(AccountPasswordReset), typeof(AccountPasswordChanged),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>
    /// Records a change already made to the accounts table (after it, so a refused change — a
    /// taken user name — leaves no entry). Appends in any order: changes to different accounts do
    /// not conflict, and the store serializes appends to one stream, so the chain stays whole.
    /// </summary>
    public Task RecordAsync(IAccountEvent change, string actor, string actorRole, CancellationToken cancellationToken = default) =>
        store.AppendAsync(Request(change, actor, actorRole), cancellationToken);

    /// <summary>Records a change in the transaction that makes it (the accounts table is in the event store's database): both commit or neither.</summary>
    public Task RecordAsync(WriteScope scope, IAccountEvent change, string actor, string actorRole, CancellationToken cancellationToken = default) =>
        store.AppendAsync(scope, Request(change, actor, actorRole), cancellationToken);

    private static AppendRequest Request(IAccountEvent change, string actor, string actorRole)
    {
        ArgumentNullException.ThrowIfNull(change);
        var type = change.GetType();
        return new AppendRequest(StreamId, AppendRequest.Any, [new NewEvent(type.Name, JsonSerializer.Serialize(change, type, Json))], new EventMetadata(actor, actorRole, Guid.NewGuid()));
    }

    /// <summary>The changes to one account, oldest first.</summary>
    public async Task<IReadOnlyList<AccountChange>> OfAsync(string userName, CancellationToken cancellationToken = default)
    {
        var key = Account.KeyOf(userName);
        var events = await store.ReadStreamAsync(StreamId, cancellationToken: cancellationToken);
        return [.. events
            .Where(e => Types.ContainsKey(e.Type))
            .Select(e => (Event: e, Change: (IAccountEvent)JsonSerializer.Deserialize(e.Data, Types[e.Type], Json)!))
            .Where(x => Account.KeyOf(x.Change.UserName) == key)
            .Select(x => new AccountChange(x.Event.StreamVersion, x.Event.Timestamp, x.Event.Actor, x.Event.ActorRole, x.Change, x.Event.Hash))];
    }
}
