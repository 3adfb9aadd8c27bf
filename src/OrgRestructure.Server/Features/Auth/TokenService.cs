using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OrgRestructure.Hosting.Configuration;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// Bearer tokens signed with HMAC-SHA256: <c>base64url(payload).base64url(mac)</c>. No JWT package
/// is available here; the key lives in the data directory so every node of one deployment accepts
/// every other node's tokens.
/// </summary>
public sealed class TokenService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private readonly byte[] _key;
    private readonly TimeProvider _clock;

    public TokenService(OrgRestructureSettings settings, TimeProvider clock)
    {
        _clock = clock;
        _key = LoadOrCreateKey(settings.DataDirectory);
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(string userName)
    {
        var expires = _clock.GetUtcNow().Add(Lifetime);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(userName, expires.ToUnixTimeSeconds()));
        var mac = HMACSHA256.HashData(_key, payload);
        return (WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(mac), expires);
    }

    /// <summary>The user name inside a valid, unexpired token; null otherwise.</summary>
    public string? Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        try
        {
            var payload = WebEncoders.Base64UrlDecode(parts[0]);
            var mac = WebEncoders.Base64UrlDecode(parts[1]);
            if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
            {
                return null;
            }

            var data = JsonSerializer.Deserialize<TokenPayload>(payload);
            return data is not null && data.Exp > _clock.GetUtcNow().ToUnixTimeSeconds() ? data.Sub : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] LoadOrCreateKey(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "token-signing.key");
        if (File.Exists(path))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(path, Encoding.ASCII).Trim());
            if (existing.Length >= 32)
            {
                return existing;
            }
        }

        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key), Encoding.ASCII);
        return key;
    }

    private sealed record TokenPayload(string Sub, long Exp);
}
