using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>A committee's diagram, drawn in the reader's language.</summary>
public sealed record CommitteeDiagramView(string BranchId, string Committee, string Svg);

/// <summary>What the case and audit pages show of a case at one version, from one read of its stream.</summary>
public sealed record CaseRecordView(CaseView Case, CaseDossier Dossier, CaseTimeline Timeline, IReadOnlyList<CommitteeDiagramView> Diagrams, IReadOnlyDictionary<string, LocalizedText> StepTitles)
{
    public static async Task<CaseRecordView> BuildAsync(CaseRead read, CaseService cases, DossierService dossiers, bool english, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(dossiers);
        var diagrams = read.State.Branches.Values.Where(b => b.ForEachStepId is not null).OrderBy(b => b.Index)
            .Select(b => new CommitteeDiagramView(b.Id, b.Label, CommitteeDiagram.Render(read.Definition, b, english))).ToList();
        return new CaseRecordView(cases.View(read), await dossiers.BuildAsync(read, ct), CaseTimelineBuilder.Build(read, dossiers.NameOf), diagrams,
            read.Definition.AllSteps.ToDictionary(p => p.Key, p => p.Value.Title, StringComparer.Ordinal));
    }
}
