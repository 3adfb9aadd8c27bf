using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>The dossier of a case as of any version, with people by their display names and organizations by their names.</summary>
public sealed class DossierService(CaseService cases, UserDirectory users, OrganizationNames organizations)
{
    public async Task<CaseDossier> GetAsync(Caller caller, string caseId, long? version, CancellationToken ct)
    {
        if (version is < 1)
        {
            throw Shared.RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["version"] = ["Phải ≥ 1 / must be ≥ 1"] });
        }

        return await BuildAsync(await cases.ReadAsync(caller, caseId, version, null, ct), ct);
    }

    public async Task<CaseDossier> BuildAsync(CaseRead read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        var dossier = DossierFold.Fold(read.Events, read.Definition);
        await organizations.LearnAsync(dossier.Province, dossier.Committees.SelectMany(c => c.Organizations), ct);
        return dossier with
        {
            CaseSteps = Named(dossier.CaseSteps),
            Committees = [.. dossier.Committees.Select(c => c with { Organizations = [.. c.Organizations.Select(o => organizations.Find(o) ?? o)], Steps = Named(c.Steps) })],
        };
    }

    /// <summary>A user's display name; the id itself for someone without an account.</summary>
    public string NameOf(string? user) => user is null ? string.Empty : users.Find(user)?.DisplayName ?? user;

    private List<StepRecord> Named(IEnumerable<StepRecord> steps) =>
        [.. steps.Select(s => s with { ByName = s.By is null ? null : NameOf(s.By), Verdicts = [.. s.Verdicts.Select(v => v with { ByName = NameOf(v.By) })] })];
}
