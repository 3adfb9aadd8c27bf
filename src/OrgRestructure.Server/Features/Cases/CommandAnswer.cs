using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>
/// What an API command on a case answers: the whole case (<see cref="CaseView"/>), or — when the
/// client sends <c>Prefer: return=minimal</c> (RFC 7240) — where it stands and its open tasks
/// (<see cref="CaseStanding"/>), with <c>Preference-Applied</c> saying so.
/// </summary>
public static class CommandAnswer
{
    public const string Minimal = "return=minimal";

    public static Results<Ok<CaseView>, Ok<CaseStanding>> For(HttpContext context, CaseService cases, CaseRead read)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cases);
        if (!PrefersMinimal(context.Request))
        {
            return TypedResults.Ok(cases.View(read));
        }

        context.Response.Headers["Preference-Applied"] = Minimal;
        context.Response.Headers.Append(HeaderNames.Vary, "Prefer");
        return TypedResults.Ok(cases.Standing(read));
    }

    /// <summary>Whether a Prefer header asks for the minimal answer (preferences are comma-separated; the token is case-insensitive).</summary>
    public static bool PrefersMinimal(HttpRequest request) =>
        request?.Headers["Prefer"].SelectMany(v => (v ?? string.Empty).Split(',')).Any(p => string.Equals(p.Split(';')[0].Trim(), Minimal, StringComparison.OrdinalIgnoreCase)) == true;
}
