using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Server.Features.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c> with the tokens kept in the store (any node issued
/// them); a token whose account was disabled or changed since is refused.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountStore store,
    UserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (await store.FindTokenAsync(token, Context.RequestAborted) is not { } grant
            || await users.CurrentAsync(grant.UserName, grant.SecurityStamp, Context.RequestAborted) is not { } account
            || AccountClaims.CallerOf(account) is null)
        {
            return AuthenticateResult.Fail("invalid, expired or revoked token");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(AccountClaims.Principal(account, SchemeName), SchemeName));
    }
}
