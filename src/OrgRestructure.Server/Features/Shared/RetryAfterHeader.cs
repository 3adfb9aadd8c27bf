namespace OrgRestructure.Server.Features.Shared;

public static class RetryAfterHeader
{
    /// <summary>Sets Retry-After as the answer starts: writing a problem clears the headers set before it.</summary>
    public static void Set(HttpResponse response, string seconds)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.OnStarting(() =>
        {
            response.Headers.RetryAfter = seconds;
            return Task.CompletedTask;
        });
    }
}
