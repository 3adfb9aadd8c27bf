using OrgRestructure.Hosting.Logging;
using OrgRestructure.Server.Features.Auth;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// Logs a request that is still running after <see cref="Threshold"/>, while it runs. A request
/// that hangs never reaches the end-of-request event (request logging, which also marks slow
/// requests as warnings), so without this line an operator could not tell a stuck page from one
/// that was never asked for.
/// </summary>
public sealed partial class SlowRequestMiddleware(RequestDelegate next, ILogger<SlowRequestMiddleware> logger)
{
    public static readonly TimeSpan Threshold = RequestLogging.SlowAfter;

    public async Task InvokeAsync(HttpContext context)
    {
        var user = Caller.From(context.User)?.UserName ?? "anonymous";
        using var watch = new CancellationTokenSource(Threshold);
        await using var registration = watch.Token.Register(() =>
            LogStillRunning(logger, context.Request.Method, context.Request.Path, user, Threshold.TotalSeconds));
        await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} by {Actor} still running after {Seconds} s")]
    private static partial void LogStillRunning(ILogger logger, string method, string path, string actor, double seconds);
}
