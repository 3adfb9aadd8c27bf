using System.Globalization;
using System.Xml.Linq;
using OrgRestructure.Workflows.Definitions;

namespace OrgRestructure.Workflows.Diagram;

/// <summary>
/// Renders a definition as a vertical flow of steps (Vietnamese title, English below, kind on the
/// right; ForEach bodies boxed and indented) and, given a <see cref="DiagramState"/>, marks the
/// steps a case has completed (green, ✓) and the ones it waits at (amber, highlighted).
/// </summary>
public static class SvgDiagram
{
    private const int Width = 760;
    private const int BoxHeight = 56;
    private const int Gap = 26;
    private const int Indent = 28;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(WorkflowDefinition definition, DiagramState? state = null)
    {
        var header = Wrap(definition.Title.Vi, 62).Select(line => (line, 18, "bold", "#1a1a1a"))
            .Concat(Wrap($"{definition.Title.En} · {definition.Id} v{definition.Version}", 95).Select(line => (line, 13, "normal", "#555")))
            .Select((l, i) => Text(20, 30 + (i * 22), l.line, l.Item2, l.Item3, l.Item4)).ToList();
        var items = new List<XElement>();
        var y = 30 + (header.Count * 22);
        Layout(definition, definition.Steps, 20, Width - 40, ref y, state, items);
        var height = y + 20;
        var title = $"{definition.Title.Vi} — {definition.Title.En} (v{definition.Version}{(state?.Status is { } s ? ", " + s : string.Empty)})";
        var svg = new XElement(
            Svg + "svg",
            new XAttribute("width", Width),
            new XAttribute("height", height),
            new XAttribute("viewBox", $"0 0 {Width} {height}"),
            new XAttribute("font-family", "Segoe UI, Noto Sans, DejaVu Sans, sans-serif"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "defs", new XElement(
                Svg + "marker",
                new XAttribute("id", "arrow"),
                new XAttribute("markerWidth", 10),
                new XAttribute("markerHeight", 10),
                new XAttribute("refX", 8),
                new XAttribute("refY", 5),
                new XAttribute("orient", "auto"),
                new XElement(Svg + "path", new XAttribute("d", "M0,0 L10,5 L0,10 z"), new XAttribute("fill", "#555")))),
            new XElement(Svg + "rect", new XAttribute("width", Width), new XAttribute("height", height), new XAttribute("fill", "#ffffff")),
            header,
            items);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Declaration + Environment.NewLine + svg.ToString();
    }

    private static void Layout(WorkflowDefinition definition, IReadOnlyList<StepDefinition> steps, int x, int width, ref int y, DiagramState? state, List<XElement> items)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var top = y;
            items.Add(Box(step, x, top, width, state));
            y += BoxHeight;
            if (step.Body.Count > 0)
            {
                var bodyTop = y + 10;
                y = bodyTop + 24;
                var inner = new List<XElement>();
                Layout(definition, step.Body, x + Indent, width - (2 * Indent), ref y, state, inner);
                items.Add(new XElement(
                    Svg + "rect",
                    new XAttribute("x", x + 10),
                    new XAttribute("y", bodyTop),
                    new XAttribute("width", width - 20),
                    new XAttribute("height", y - bodyTop),
                    new XAttribute("rx", 10),
                    new XAttribute("fill", "#f4f6fb"),
                    new XAttribute("stroke", "#9aa7c7"),
                    new XAttribute("stroke-dasharray", "6 4")));
                items.Add(Text(x + 18, bodyTop + 16, $"mỗi mục / for each: {step.Config["items"]} (join {step.Config["join"] ?? "all"})", 11, "normal", "#4a5a85"));
                items.AddRange(inner);
                y += 10;
            }

            var notes = Notes(definition, step);
            if (notes.Length > 0)
            {
                items.Add(Text(x + width - 6, top + BoxHeight + 14, notes, 11, "normal", "#8a4b00", "end"));
            }

            if (i + 1 < steps.Count)
            {
                items.Add(new XElement(
                    Svg + "line",
                    new XAttribute("x1", x + 40),
                    new XAttribute("y1", y),
                    new XAttribute("x2", x + 40),
                    new XAttribute("y2", y + Gap - 2),
                    new XAttribute("stroke", "#555"),
                    new XAttribute("stroke-width", 1.5),
                    new XAttribute("marker-end", "url(#arrow)")));
                y += Gap;
            }
        }
    }

    private static XElement Box(StepDefinition step, int x, int y, int width, DiagramState? state)
    {
        var at = state?.At.GetValueOrDefault(step.Id) ?? 0;
        var done = state?.Completed.GetValueOrDefault(step.Id) ?? 0;
        var (fill, stroke, css) = at > 0 ? ("#fff4d6", "#e08a00", "step current")
            : done > 0 ? ("#e6f4ea", "#2e7d32", "step completed")
            : ("#ffffff", "#8a94a6", "step");
        var mark = at > 0 ? "▶ " : done > 0 ? "✓ " : string.Empty;
        var counts = at > 0 && (at > 1 || done > 0) ? $" ({at} đang ở đây / here, {done} xong / done)" : done > 1 ? $" ({done}×)" : string.Empty;
        return new XElement(
            Svg + "g",
            new XAttribute("class", css),
            new XAttribute("data-step", step.Id),
            new XElement(
                Svg + "rect",
                new XAttribute("x", x),
                new XAttribute("y", y),
                new XAttribute("width", width),
                new XAttribute("height", BoxHeight),
                new XAttribute("rx", 8),
                new XAttribute("fill", fill),
                new XAttribute("stroke", stroke),
                new XAttribute("stroke-width", at > 0 ? 3 : 1.5)),
            Text(x + 12, y + 23, mark + step.Title.Vi, 14, "bold", "#1a1a1a"),
            Text(x + 12, y + 43, step.Title.En + counts, 12, "normal", "#444"),
            Text(x + width - 10, y + 18, step.Kind, 11, "normal", "#6b7280", "end"));
    }

    private static string Notes(WorkflowDefinition definition, StepDefinition step)
    {
        var notes = new List<string>();
        if (step.Config["else"] is { } otherwise)
        {
            notes.Add($"không đạt / else → {otherwise}");
        }

        if (step.Config["onRejection"] is { } back)
        {
            notes.Add($"loại / rejected ↺ {back}");
        }

        if (step.Config["returnTo"] is { } returns)
        {
            notes.Add($"trả lại / return ↺ {string.Join(", ", returns.AsArray().Select(r => r!.ToString()))}");
        }

        var siblings = definition.Siblings(step).ToList();
        var following = siblings.IndexOf(step) + 1 < siblings.Count ? siblings[siblings.IndexOf(step) + 1].Id : null;
        if (step.Next is { } next && next != following)
        {
            notes.Add($"→ {next}");
        }

        return string.Join("   ", notes);
    }

    /// <summary>Splits a header line at spaces so it fits the drawing's width.</summary>
    private static List<string> Wrap(string text, int max)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > max)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return lines;
    }

    /// <summary>An SVG text element at (x, y) of the given size (px), weight and colour.</summary>
    public static XElement Text(int x, int y, string text, int size, string weight, string color, string anchor = "start") =>
        new(
            Svg + "text",
            new XAttribute("x", x),
            new XAttribute("y", y),
            new XAttribute("font-size", size.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("font-weight", weight),
            new XAttribute("fill", color),
            new XAttribute("text-anchor", anchor),
            text);
}
