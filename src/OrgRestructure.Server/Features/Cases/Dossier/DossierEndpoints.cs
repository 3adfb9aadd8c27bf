using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Cases.Dossier;

public static class DossierEndpoints
{
    /// <summary>GET /api/cases/{caseId}/dossier[?version=N]: the case's record per committee (who stood, tallies, verdicts, overrides, decision, ceremony, election) as of event N.</summary>
    public static RouteGroupBuilder MapDossier(this RouteGroupBuilder cases)
    {
        cases.MapGet("/{caseId}/dossier", Get);
        return cases;
    }

    private static async Task<Ok<CaseDossier>> Get(string caseId, long? version, ClaimsPrincipal user, DossierService dossiers, CancellationToken ct) =>
        TypedResults.Ok(await dossiers.GetAsync(user.Caller(), caseId, version, ct));
}
