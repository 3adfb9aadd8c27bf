using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Cases.Dossier;
using OrgRestructure.Server.Features.Localization;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Audit;

public sealed record HistoryEntry(long Version, DateTimeOffset Timestamp, string Actor, string ActorRole, string Type, string? StepId, string SummaryVi, string SummaryEn, string Data, string PreviousHash, string Hash);

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit/{caseId}").WithTags("Audit").RequireAuthorization();
        group.MapGet("/history", History);
        group.MapGet("/state", State);
        group.MapGet("/verify", Verify);
        group.MapGet("/export", Export);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<HistoryEntry>>> History(string caseId, ClaimsPrincipal user, CaseService cases, CancellationToken ct)
    {
        var caller = user.Caller();
        var events = await cases.HistoryAsync(caller, caseId, ct);
        var state = await cases.GetAsync(caller, caseId, null, null, ct);
        return TypedResults.Ok<IReadOnlyList<HistoryEntry>>([.. events.Zip(state.Timeline, (e, t) => new HistoryEntry(e.StreamVersion, e.Timestamp, e.Actor, e.ActorRole, e.Type, t.StepId, t.SummaryVi, t.SummaryEn, e.Data, e.PreviousHash, e.Hash))]);
    }

    /// <summary>The case as it was after event <paramref name="version"/> or at time <paramref name="at"/>.</summary>
    private static async Task<Ok<CaseView>> State(string caseId, long? version, DateTimeOffset? at, ClaimsPrincipal user, CaseService cases, CancellationToken ct)
    {
        if (version is < 0)
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["version"] = ["Phải ≥ 0 / must be ≥ 0"] });
        }

        return TypedResults.Ok(await cases.GetAsync(user.Caller(), caseId, version, at, ct));
    }

    private static async Task<Ok<IntegrityVerdict>> Verify(string caseId, ClaimsPrincipal user, AuditService audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.VerifyAsync(user.Caller(), caseId, ct));

    /// <summary>The printable report (HTML, default) or CSV, of the case as of event <paramref name="version"/> (default: now).</summary>
    private static async Task<FileContentHttpResult> Export(string caseId, string? format, long? version, ClaimsPrincipal user, CaseService cases, DossierService dossiers, AuditService audit, Text text, TimeProvider clock, CancellationToken ct)
    {
        if (version is < 1)
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["version"] = ["Phải ≥ 1 / must be ≥ 1"] });
        }

        var caller = user.Caller();
        var read = await cases.ReadAsync(caller, caseId, version, null, ct);
        var view = cases.View(read);
        var dossier = await dossiers.BuildAsync(read, ct);
        return format switch
        {
            "csv" => TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AuditService.ToCsv(view, read.Events, dossier))).ToArray(), "text/csv; charset=utf-8", $"{caseId}-audit.csv"),
            null or "html" => TypedResults.File(Encoding.UTF8.GetBytes(AuditService.ToHtml(view, read.Events, await audit.VerifyAsync(caller, caseId, ct), dossier, clock.GetUtcNow(), text)), "text/html; charset=utf-8"),
            _ => throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["format"] = ["html hoặc csv / html or csv"] }),
        };
    }
}
