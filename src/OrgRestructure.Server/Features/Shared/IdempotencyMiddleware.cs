using System.Security.Cryptography;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// <c>Idempotency-Key</c> on API POSTs: the first successful answer is kept in the store's database;
/// the same POST again (same user, key, path and body) — on this node or any other — gets that answer
/// back and runs nothing. The same key with a different request is refused (422); while the first is
/// still running elsewhere the retry is told to wait (409, retryable). The key is also the event
/// store's CommandId, so even a retry racing the first appends nothing twice.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore records)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ItemKey = "orgrestructure:command-id";

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
        var recordKey = user + "\n" + key;
        context.Items[ItemKey] = $"{user}:{key}";

        var (claim, answer) = await records.ClaimAsync(recordKey, fingerprint, context.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Mismatch:
                await Problems.WriteAsync(context, 422, "Idempotency-Key này đã được dùng cho một yêu cầu khác.", "This Idempotency-Key was already used for a different request.");
                return;
            case IdempotencyClaim.InProgress:
                RetryAfterHeader.Set(context.Response, "1");
                await Problems.WriteAsync(context, 409, "Yêu cầu với Idempotency-Key này đang được xử lý; thử lại sau giây lát.", "A request with this Idempotency-Key is being processed; retry in a moment.", retryable: true);
                return;
            case IdempotencyClaim.Replay:
                context.Response.StatusCode = answer!.Status;
                context.Response.ContentType = answer.ContentType;
                context.Response.Headers["Idempotent-Replayed"] = "true";
                await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
                return;
        }

        var original = context.Response.Body;
        using var capture = new MemoryStream();
        context.Response.Body = capture;
        var kept = false;
        using var running = new CancellationTokenSource();
        var renewing = RenewWhileRunningAsync(recordKey, running.Token);
        try
        {
            try
            {
                await next(context);
            }
            finally
            {
                await running.CancelAsync();
                await renewing;
            }

            var body = capture.ToArray();
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                await records.CompleteAsync(recordKey, new IdempotentAnswer(context.Response.StatusCode, context.Response.ContentType, body), CancellationToken.None);
                kept = true;
            }

            context.Response.Body = original;
            await original.WriteAsync(body, context.RequestAborted);
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                // Refused or failed: nothing to replay, so a corrected retry with the same key may run.
                await records.AbandonAsync(recordKey, CancellationToken.None);
            }
        }
    }

    /// <summary>Keeps the claim fresh while this node works on it; a node killed mid-request stops renewing and a retry elsewhere takes over.</summary>
    private async Task RenewWhileRunningAsync(string recordKey, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(IdempotencyStore.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await records.RenewAsync(recordKey, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The request has answered.
        }
    }
}
