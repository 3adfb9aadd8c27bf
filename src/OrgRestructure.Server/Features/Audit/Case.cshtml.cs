using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Server.Features.Cases.Dossier;

namespace OrgRestructure.Server.Features.Audit;

public sealed class CaseModel(CaseService cases, AuditService audit, DossierService dossiers) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public long? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? At { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Verify { get; set; }

    public CaseView? Full { get; private set; }

    public CaseView? Then { get; private set; }

    public IntegrityVerdict? Verdict { get; private set; }

    /// <summary>The case as it stood at the chosen point: its dossier, timeline and diagrams.</summary>
    public CaseRecordView? Record { get; private set; }

    public IReadOnlyDictionary<long, string> Hashes { get; private set; } = new Dictionary<long, string>();

    public string AtText => (Then?.UpdatedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);

    public string NameOf(string user) => dossiers.NameOf(user);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var full = await cases.ReadAsync(Me, CaseId, null, null, ct);
        Full = cases.View(full);
        Hashes = full.Events.ToDictionary(e => e.StreamVersion, e => e.Hash);
        var at = At is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        if (at is not null && at < Full.StartedAt)
        {
            at = null;
            Version = 1;
        }

        var version = at is null ? Math.Clamp(Version ?? Full.Version, 1, Full.Version) : (long?)null;
        var then = await cases.ReadAsync(Me, CaseId, version, at, ct);
        Record = await CaseRecordView.BuildAsync(then, cases, dossiers, T.English, ct);
        Then = Record.Case;
        if (Verify)
        {
            Verdict = await audit.VerifyAsync(Me, CaseId, ct);
        }
    }
}
