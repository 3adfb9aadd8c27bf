using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// Refuses, before any handler runs: bodies over the limit (413) and any API POST by a read-only
/// role (auditors, 403). Signing in is the one POST every role may make.
/// </summary>
public sealed class ApiGuardMiddleware(RequestDelegate next)
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

        if (HttpMethods.IsPost(context.Request.Method)
            && context.Request.Path.StartsWithSegments("/api")
            && !context.Request.Path.StartsWithSegments("/api/auth")
            && Caller.From(context.User) is { IsReadOnly: true })
        {
            await Problems.WriteAsync(context, 403, "Kiểm toán viên chỉ được xem, không được thay đổi dữ liệu.", "Auditors are read-only: they cannot change anything.");
            return;
        }

        await next(context);
    }
}

/// <summary>Endpoint metadata: this endpoint accepts a body of up to <paramref name="Bytes"/> (a whole plan file).</summary>
public sealed record LargeBody(long Bytes);
