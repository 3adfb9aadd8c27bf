using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.Diagram;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Audit;

public sealed class CaseModel(CaseService cases, AuditService audit, IWorkflowEngine engine) : AppPage
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

    public string Svg { get; private set; } = string.Empty;

    public IReadOnlyDictionary<long, string> Hashes { get; private set; } = new Dictionary<long, string>();

    public string AtText => (Then?.UpdatedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var events = await cases.HistoryAsync(Me, CaseId, ct);
        Full = await cases.GetAsync(Me, CaseId, null, null, ct);
        Hashes = events.ToDictionary(e => e.StreamVersion, e => e.Hash);
        var at = At is { } time ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        if (at is not null && at < Full.StartedAt)
        {
            at = null;
            Version = 1;
        }

        var version = at is null ? Math.Clamp(Version ?? Full.Version, 1, Full.Version) : (long?)null;
        var then = await cases.GetStateAsync(Me, CaseId, version, at, ct);
        Then = await cases.GetAsync(Me, CaseId, version ?? then.Version, null, ct);
        Svg = SvgDiagram.Render(engine.Definitions.Get(then.DefinitionId, then.DefinitionVersion), DiagramState.From(then));
        if (Verify)
        {
            Verdict = await audit.VerifyAsync(Me, CaseId, ct);
        }
    }
}
