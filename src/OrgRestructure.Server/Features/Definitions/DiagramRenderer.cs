using System.Globalization;
using System.Net;
using System.Text;

namespace OrgRestructure.Server.Features.Definitions;

/// <summary>
/// Draws a procedure as SVG: steps left to right in two rows, done steps green, the current step
/// lit, and the vetting return arrow. Pure text, so it renders the same in the page and the API.
/// </summary>
public static class DiagramRenderer
{
    private const int BoxWidth = 170;
    private const int BoxHeight = 64;
    private const int Gap = 40;
    private const int PerRow = 4;

    public static string Render(ProcedureDefinition definition, int? currentStep, IReadOnlyCollection<int> doneSteps, bool english)
    {
        var rows = (definition.Steps.Count + PerRow - 1) / PerRow;
        var width = (PerRow * (BoxWidth + Gap)) + Gap;
        var height = (rows * (BoxHeight + 70)) - 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Esc(english ? definition.TitleEn : definition.TitleVi)}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">");
        sb.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#666\"/></marker></defs>");
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            var (x, y) = Position(i);
            var current = step.Number == currentStep;
            var done = doneSteps.Contains(step.Number) && !current;
            var fill = current ? "#ffd54f" : done ? "#c8e6c9" : "#f5f5f5";
            var stroke = current ? "#e65100" : done ? "#2e7d32" : "#9e9e9e";
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"step{(current ? " current" : string.Empty)}{(done ? " done" : string.Empty)}\" data-step=\"{step.Number}\">");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"10\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(current ? 3 : 1.5)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 10}\" y=\"{y + 20}\" font-weight=\"bold\">{step.Number}.{(done ? " ✓" : string.Empty)}</text>");
            var lines = Wrap(english ? step.TitleEn : step.TitleVi, 24);
            for (var l = 0; l < lines.Count && l < 2; l++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 10}\" y=\"{y + 38 + (l * 15)}\">{Esc(lines[l])}</text>");
            }

            sb.Append("</g>");
            if (i + 1 < definition.Steps.Count)
            {
                var (nx, ny) = Position(i + 1);
                var path = ny == y
                    ? $"M{x + BoxWidth},{y + (BoxHeight / 2)} L{nx},{ny + (BoxHeight / 2)}"
                    : $"M{x + (BoxWidth / 2)},{y + BoxHeight} L{x + (BoxWidth / 2)},{y + BoxHeight + 30} L{nx + (BoxWidth / 2)},{y + BoxHeight + 30} L{nx + (BoxWidth / 2)},{ny}";
                sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"#666\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
            }
        }

        // Vetting (step 4) can send the slate back to step 1.
        var (vx, vy) = Position(3);
        var (sx, sy) = Position(0);
        sb.Append(CultureInfo.InvariantCulture, $"<path d=\"M{vx + (BoxWidth / 2)},{vy} L{vx + (BoxWidth / 2)},{vy - 14} L{sx + (BoxWidth / 2)},{sy - 14} L{sx + (BoxWidth / 2)},{sy}\" fill=\"none\" stroke=\"#c62828\" stroke-dasharray=\"5,4\" marker-end=\"url(#arrow)\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{sx + (BoxWidth / 2) + 8}\" y=\"{sy - 18}\" fill=\"#c62828\">{Esc(english ? "vetting rejects → revise slate" : "thẩm định không đạt → điều chỉnh danh sách")}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static (int X, int Y) Position(int index) => (Gap + (index % PerRow * (BoxWidth + Gap)), 30 + (index / PerRow * (BoxHeight + 70)));

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }
}
