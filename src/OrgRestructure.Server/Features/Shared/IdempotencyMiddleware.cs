using System.Security.Cryptography;
using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// <c>Idempotency-Key</c> on API POSTs: the first successful answer is kept; the same POST again
/// (same user, key, path and body) gets that answer back and runs nothing. The same key with a
/// different request is refused (422). The key is also the event store's CommandId, so a retry
/// that reaches another node appends nothing either.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ItemKey = "orgrestructure:command-id";
    private readonly IdempotencyResponses _responses = new(clock);

    // One gate per stripe rather than per key: the same key always meets the same gate, and the
    // number of gates stays fixed however many keys arrive.
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public static string? CommandId(HttpContext context) => context.Items.TryGetValue(ItemKey, out var v) ? v as string : null;

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || string.IsNullOrWhiteSpace(key))
        {
            await next(context);
            return;
        }

        if (key.Length > 200)
        {
            await Problems.WriteAsync(context, 400, "Idempotency-Key quá dài (tối đa 200 ký tự).", "Idempotency-Key is too long (200 characters at most).");
            return;
        }

        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        var fingerprint = Convert.ToHexString(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(context.Request.Path + "?" + context.Request.QueryString), .. buffer.ToArray()]));
        var user = Caller.From(context.User)?.UserName ?? "anonymous";
        var storeKey = user + "\n" + key;
        context.Items[ItemKey] = $"{user}:{key}";

        var gate = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(storeKey) % (uint)_stripes.Length)];
        await gate.WaitAsync(context.RequestAborted);
        try
        {
            if (_responses.Find(storeKey) is { } stored)
            {
                if (!string.Equals(stored.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    await Problems.WriteAsync(context, 422, "Idempotency-Key này đã được dùng cho một yêu cầu khác.", "This Idempotency-Key was already used for a different request.");
                    return;
                }

                context.Response.StatusCode = stored.Status;
                context.Response.ContentType = stored.ContentType;
                context.Response.Headers["Idempotent-Replayed"] = "true";
                await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
                return;
            }

            var original = context.Response.Body;
            using var capture = new MemoryStream();
            context.Response.Body = capture;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var body = capture.ToArray();
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                _responses.Keep(storeKey, new StoredResponse(fingerprint, context.Response.StatusCode, context.Response.ContentType, body));
            }

            await original.WriteAsync(body, context.RequestAborted);
        }
        finally
        {
            gate.Release();
        }
    }
}
