using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Audit;

public sealed class CaseModel(CaseService cases, AuditService audit) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public long? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateTime? At { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Verify { get; set; }

    public CaseState? Full { get; private set; }

    public CaseState? Then { get; private set; }

    public IntegrityVerdict? Verdict { get; private set; }

    public string Svg { get; private set; } = string.Empty;

    public IReadOnlyDictionary<long, string> Hashes { get; private set; } = new Dictionary<long, string>();

    public string AtText => (Then?.UpdatedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var events = await cases.HistoryAsync(Me, CaseId, ct);
        Full = CaseState.Fold(CaseId, events);
        Hashes = events.ToDictionary(e => e.StreamVersion, e => e.Hash);
        var range = At is { } at
            ? new StreamRange(1, null, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))
            : new StreamRange(1, Version is { } v ? Math.Clamp(v, 1, Full.Version) : null);
        var then = events.Where(range.Includes).ToList();
        Then = then.Count == 0 ? CaseState.Fold(CaseId, events.Take(1)) : CaseState.Fold(CaseId, then);
        Svg = DiagramRenderer.Render(ProcedureDefinition.Formation, Then.CurrentStep, Then.CompletedSteps, T.English);
        if (Verify)
        {
            Verdict = await audit.VerifyAsync(Me, CaseId, ct);
        }
    }
}
