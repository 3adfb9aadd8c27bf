using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// Bearer tokens: 32 random bytes handed to the caller once, kept only as their SHA-256, with the
/// account's security stamp at issue. Any node answers a token; disabling the account or changing
/// its password revokes every token at once.
/// </summary>
public sealed partial class AccountStore
{
    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueTokenAsync(Account account, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expires = now.Add(lifetime);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await using (var expired = scope.CreateCommand("DELETE FROM account_tokens WHERE user_key = @k AND expires_ms <= @now"))
        {
            await expired.With("k", Account.KeyOf(account.UserName)).With("now", now.ToUnixTimeMilliseconds()).ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var insert = scope.CreateCommand("INSERT INTO account_tokens (token_hash, user_key, security_stamp, expires_ms) VALUES (@t, @k, @s, @x)"))
        {
            insert.With("t", Hash(token)).With("k", Account.KeyOf(account.UserName)).With("s", account.SecurityStamp).With("x", expires.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
        return (token, expires);
    }

    /// <summary>The grant behind an unexpired token; null for an unknown, revoked or expired one.</summary>
    public async Task<TokenGrant?> FindTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            "SELECT a.user_name, t.security_stamp, t.expires_ms FROM account_tokens t JOIN accounts a ON a.user_key = t.user_key WHERE t.token_hash = @t AND t.expires_ms > @now");
        command.With("t", Hash(token)).With("now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TokenGrant(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(SharedStateDatabase.Long(reader.GetValue(2))))
            : null;
    }

    public async Task RevokeTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await using (var delete = scope.CreateCommand("DELETE FROM account_tokens WHERE token_hash = @t"))
        {
            await delete.With("t", Hash(token)).ExecuteNonQueryAsync(cancellationToken);
        }

        await scope.CommitAsync(cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
