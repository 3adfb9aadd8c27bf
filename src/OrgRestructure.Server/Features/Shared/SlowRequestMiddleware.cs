using System.Diagnostics;
using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// Logs a request that is still running after <see cref="Threshold"/>, while it runs, and again
/// when it ends. A request that hangs never reaches the end-of-request log, so without the first
/// line an operator could not tell a stuck page from one that was never asked for.
/// </summary>
public sealed partial class SlowRequestMiddleware(RequestDelegate next, ILogger<SlowRequestMiddleware> logger)
{
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var user = Caller.From(context.User)?.UserName ?? "anonymous";
        using var watch = new CancellationTokenSource(Threshold);
        await using var registration = watch.Token.Register(() =>
            LogStillRunning(logger, context.Request.Method, context.Request.Path, user, Threshold.TotalSeconds));
        await next(context);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed >= Threshold)
        {
            LogSlow(logger, context.Request.Method, context.Request.Path, user, context.Response.StatusCode, elapsed.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} by {Actor} still running after {Seconds} s")]
    private static partial void LogStillRunning(ILogger logger, string method, string path, string actor, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} by {Actor} answered {Status} after {Seconds:0.0} s")]
    private static partial void LogSlow(ILogger logger, string method, string path, string actor, int status, double seconds);
}
