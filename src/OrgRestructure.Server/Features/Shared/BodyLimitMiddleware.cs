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
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await Problems.WriteAsync(context, 413, $"Nội dung gửi lên quá lớn (tối đa {MaxBodyBytes / 1024 / 1024} MB).", $"The request body is too large ({MaxBodyBytes / 1024 / 1024} MB at most).");
            return;
        }

        await next(context);
    }
}
