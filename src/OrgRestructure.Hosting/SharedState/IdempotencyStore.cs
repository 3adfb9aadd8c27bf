using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Hosting.SharedState;

/// <summary>An answer kept for an Idempotency-Key.</summary>
public sealed record IdempotentAnswer(int Status, string? ContentType, byte[] Body);

/// <summary>What a node may do with a request carrying an Idempotency-Key.</summary>
public enum IdempotencyClaim
{
    /// <summary>This node runs the request; it must <see cref="IdempotencyStore.CompleteAsync"/> or <see cref="IdempotencyStore.AbandonAsync"/>.</summary>
    Run,

    /// <summary>An answer is kept: replay it.</summary>
    Replay,

    /// <summary>Another node (or request) is running the same key now.</summary>
    InProgress,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}

/// <summary>
/// Idempotency records in the store's database, keyed by (user, key): the first node to insert the
/// key runs the request, every other request with that key — on any node — waits for or replays
/// its answer. The running node renews its claim every <see cref="RenewEvery"/>, so a claim whose
/// node died (killed mid-request) goes stale and is taken over after <see cref="ClaimTimeout"/>,
/// however long a live request runs; answers are kept for <see cref="Retention"/>.
/// </summary>
public sealed class IdempotencyStore(SharedStateDatabase database, TimeProvider clock)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(3);
    private const int Running = 0;

    public async Task<(IdempotencyClaim Claim, IdempotentAnswer? Answer)> ClaimAsync(string key, string fingerprint, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await using (var expire = scope.CreateCommand("DELETE FROM idempotency_records WHERE kept_ms < @cutoff"))
        {
            await expire.With("cutoff", now - (long)Retention.TotalMilliseconds).ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = scope.CreateCommand(
            "INSERT INTO idempotency_records (record_key, fingerprint, status, kept_ms) VALUES (@k, @f, @s, @t) ON CONFLICT (record_key) DO NOTHING"))
        {
            if (await insert.With("k", key).With("f", fingerprint).With("s", Running).With("t", now).ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await scope.CommitAsync(cancellationToken);
                return (IdempotencyClaim.Run, null);
            }
        }

        string storedFingerprint;
        int status;
        string? contentType, body;
        long kept;
        await using (var read = scope.CreateCommand("SELECT fingerprint, status, content_type, body, kept_ms FROM idempotency_records WHERE record_key = @k").With("k", key))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (storedFingerprint, status, contentType, body, kept) = (reader.GetString(0), (int)SharedStateDatabase.Long(reader.GetValue(1)),
                SharedStateDatabase.Text(reader, 2), SharedStateDatabase.Text(reader, 3), SharedStateDatabase.Long(reader.GetValue(4)));
        }

        if (!string.Equals(storedFingerprint, fingerprint, StringComparison.Ordinal))
        {
            return (IdempotencyClaim.Mismatch, null);
        }

        if (status != Running)
        {
            return (IdempotencyClaim.Replay, new IdempotentAnswer(status, contentType, body is null ? [] : Convert.FromBase64String(body)));
        }

        if (kept > now - (long)ClaimTimeout.TotalMilliseconds)
        {
            return (IdempotencyClaim.InProgress, null);
        }

        // The node that claimed it never answered (it died): this one takes the claim over.
        await using (var takeOver = scope.CreateCommand("UPDATE idempotency_records SET kept_ms = @t WHERE record_key = @k AND status = @s AND kept_ms = @old"))
        {
            var taken = await takeOver.With("k", key).With("t", now).With("s", Running).With("old", kept).ExecuteNonQueryAsync(cancellationToken) == 1;
            await scope.CommitAsync(cancellationToken);
            return (taken ? IdempotencyClaim.Run : IdempotencyClaim.InProgress, null);
        }
    }

    public async Task CompleteAsync(string key, IdempotentAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await using (var update = scope.CreateCommand("UPDATE idempotency_records SET status = @s, content_type = @c, body = @b, kept_ms = @t WHERE record_key = @k"))
        {
            update.With("k", key).With("s", answer.Status).With("c", answer.ContentType).With("b", Convert.ToBase64String(answer.Body)).With("t", clock.GetUtcNow().ToUnixTimeMilliseconds());
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
    }

    /// <summary>Tells the other nodes this claim's request still runs here.</summary>
    public async Task RenewAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await using (var renew = scope.CreateCommand("UPDATE idempotency_records SET kept_ms = @t WHERE record_key = @k AND status = @s"))
        {
            await renew.With("k", key).With("s", Running).With("t", clock.GetUtcNow().ToUnixTimeMilliseconds()).ExecuteNonQueryAsync(cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets a claim whose request failed, so a retry runs it again.</summary>
    public async Task AbandonAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await using (var delete = scope.CreateCommand("DELETE FROM idempotency_records WHERE record_key = @k AND status = @s"))
        {
            await delete.With("k", key).With("s", Running).ExecuteNonQueryAsync(cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
    }
}
