namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// Refuses a body over the limit (413, both languages) before any handler reads it. Who may call
/// what is the endpoints' authorization policies' business (Auth/Policies), not this middleware's.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next)
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        // An endpoint that takes a whole file (the national plan) says so; every other keeps the default.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<LargeBody>()?.Bytes ?? MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.WriteAsync(context, 413, $"Nội dung gửi lên quá lớn (tối đa {limit / 1024 / 1024} MB).", $"The request body is too large ({limit / 1024 / 1024} MB at most).");
            return;
        }

        if (limit > MaxBodyBytes && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}

/// <summary>Endpoint metadata: this endpoint accepts a body of up to <paramref name="Bytes"/> (a whole plan file).</summary>
public sealed record LargeBody(long Bytes);
