using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrgRestructure.Hosting.Health;

/// <summary>
/// Runs a library's connection check (AspNetCore.HealthChecks.*) and says in words which server
/// it was about, so /health reads "PostgreSQL at db:5432/orgrestructure is unreachable: …"
/// rather than a bare status. The address never includes a password.
/// </summary>
internal sealed class NamedServerHealthCheck(string backend, string server, IHealthCheck probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await probe.CheckHealthAsync(context, cancellationToken);
        var data = new Dictionary<string, object> { ["backend"] = backend, ["server"] = server };
        return result.Status == HealthStatus.Healthy
            ? HealthCheckResult.Healthy($"{backend} at {server} is reachable", data)
            : new HealthCheckResult(
                result.Status,
                $"{backend} at {server} is unreachable: {result.Exception?.GetBaseException().Message ?? result.Description}",
                result.Exception,
                data);
    }

    public static HealthCheckResult Invalid(string backend, string expected) =>
        HealthCheckResult.Unhealthy($"{backend} connection setting is invalid: expected {expected}", data: new Dictionary<string, object> { ["backend"] = backend });
}
