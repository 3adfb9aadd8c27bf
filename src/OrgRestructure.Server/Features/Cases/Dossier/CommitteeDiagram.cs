using System.Xml.Linq;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Diagram;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>
/// One committee's own position on the procedure, drawn at its natural size (text 13–15 px, never
/// scaled down): the steps of its part of the definition by their titles in the reader's language,
/// done (✓), being worked (▶), not needed (a check passed them by) or still to come.
/// </summary>
public static class CommitteeDiagram
{
    private const int Width = 540;
    private const int BoxHeight = 40;
    private const int Gap = 14;
    private const int Top = 44;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(WorkflowDefinition definition, BranchState branch, bool english)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(branch);
        string L(LocalizedText t) => english ? t.En : t.Vi;
        var steps = branch.ForEachStepId is { } forEach && definition.AllSteps.GetValueOrDefault(forEach) is { } parent ? parent.Body : definition.Steps;
        var reached = steps.Select((s, i) => (s, i)).Where(p => branch.CompletedSteps.Contains(p.s.Id) || p.s.Id == branch.CurrentStepId).Select(p => p.i).DefaultIfEmpty(-1).Max();
        var items = new List<XElement> { Text(16, 26, branch.Label, 16, "bold", "#1a1a1a") };
        var y = Top;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var current = step.Id == branch.CurrentStepId && branch.Status == BranchStatus.Active;
            var done = branch.CompletedSteps.Contains(step.Id);
            var skipped = !done && !current && i < reached;
            var (fill, stroke, css, mark) = current ? ("#fff4d6", "#e08a00", "step current", "▶ ")
                : done ? ("#e6f4ea", "#2e7d32", "step completed", "✓ ")
                : skipped ? ("#f4f4f4", "#c3c7cf", "step skipped", "– ")
                : ("#ffffff", "#8a94a6", "step", string.Empty);
            var note = current ? (english ? "being worked now" : "đang thực hiện")
                : skipped ? (english ? "not needed" : "không cần")
                : Returns(definition, step, english);
            items.Add(new XElement(
                Svg + "g",
                new XAttribute("class", css),
                new XAttribute("data-step", step.Id),
                new XElement(Svg + "rect", new XAttribute("x", 10), new XAttribute("y", y), new XAttribute("width", Width - 20), new XAttribute("height", BoxHeight), new XAttribute("rx", 8), new XAttribute("fill", fill), new XAttribute("stroke", stroke), new XAttribute("stroke-width", current ? 3 : 1.5)),
                Text(22, y + 18, mark + Shorten(L(step.Title), 64), 14, current ? "bold" : "normal", skipped ? "#6b7280" : "#1a1a1a"),
                note is null ? null : Text(22, y + 34, note, 12, "normal", current ? "#8a4b00" : "#555")));
            y += BoxHeight + Gap;
        }

        var height = y;
        var svg = new XElement(
            Svg + "svg",
            new XAttribute("width", Width),
            new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {Width} {height}"),
            new XAttribute("role", "img"),
            new XAttribute("font-family", "Segoe UI, Noto Sans, DejaVu Sans, sans-serif"),
            new XElement(Svg + "title", $"{branch.Label} — {L(definition.Title)}"),
            new XElement(Svg + "rect", new XAttribute("width", Width), new XAttribute("height", height), new XAttribute("fill", "#ffffff")),
            items);
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Where a step may send the committee back to, by that step's short title ("Bước 1").</summary>
    private static string? Returns(WorkflowDefinition definition, StepDefinition step, bool english)
    {
        var target = step.Config["onRejection"]?.ToString() ?? step.Config["else"]?.ToString();
        return target is not null && definition.AllSteps.GetValueOrDefault(target) is { } to
            ? (english ? $"if not passed → {Short(to.Title.En)}" : $"nếu không đạt → {Short(to.Title.Vi)}")
            : null;
    }

    /// <summary>"Bước 1: Xác định …" → "Bước 1"; a title without a number stays whole (shortened).</summary>
    private static string Short(string title) => title.IndexOf(':', StringComparison.Ordinal) is > 0 and < 12 and var colon ? title[..colon] : Shorten(title, 40);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static XElement Text(int x, int y, string text, int size, string weight, string color) => SvgDiagram.Text(x, y, text, size, weight, color);
}
