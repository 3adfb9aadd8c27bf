using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// The scrape credential of /metrics: <c>Authorization: Bearer</c> with the configured
/// <see cref="TokenKey"/>, which lasts until an operator changes it (an administrator's token
/// expires after 8 h, too soon for a Prometheus scraper). Only the <see cref="Policies.ScrapesMetrics"/>
/// policy asks this scheme, so the credential opens nothing else; it is never logged.
/// </summary>
public sealed class MetricsScrapeHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "metrics-scrape";
    public const string TokenKey = "Metrics:ScrapeToken";
    public const string ScraperClaim = "orgrestructure:scrapes-metrics";

    /// <summary>Who the request log names as the actor of a scrape.</summary>
    public const string ScraperName = "metrics-scraper";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Not this credential (no token configured, an administrator's token, a wrong one): no result,
        // so the front door's own schemes decide and a wrong value is refused with their 401.
        if (configuration[TokenKey] is not { Length: > 0 } expected
            || BearerTokenHandler.TokenOf(Request) is not { Length: > 0 } given
            || !SameSecret(given, expected))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, ScraperName), new Claim(ScraperClaim, "true")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    // The front door's scheme answers the refusal (401 or 403 with its body); a second answer here
    // would write to a response already started.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Task.CompletedTask;

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Task.CompletedTask;

    /// <summary>Compares digests in constant time, so neither the content nor the length of the secret leaks through timing.</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
