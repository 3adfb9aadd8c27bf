using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Rules;

/// <summary>
/// Thin adapter from the engine to the domain's party rules (OrgRestructure.Domain.Rules): it
/// builds <see cref="RuleParameters"/> from the workflow's parameters and turns the domain's
/// bilingual texts and problems into the engine's <see cref="LocalizedText"/> and
/// <see cref="FieldProblem"/>. No rule is decided here.
/// </summary>
internal static class PartyRules
{
    public static LocalizedText Text(BilingualText text) => new(text.Vi, text.En);

    public static FieldProblem Problem(Problem p, string field) =>
        new(string.IsNullOrEmpty(p.Subject) ? field : $"{field} ({p.Subject})", p.Vi, p.En);

    /// <summary>Refuses the command with every problem the domain found (422, code "rule-violated").</summary>
    public static void Refuse(IEnumerable<FieldProblem> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw WorkflowRuleViolation.Form(list, "rule-violated");
        }
    }

    /// <summary>Refuses with <paramref name="code"/> when there are problems: the lead sentence followed by every problem, in each language.</summary>
    public static void Refuse(string code, string leadVi, string leadEn, IReadOnlyList<FieldProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new WorkflowRuleViolation(code, leadVi + string.Join("; ", problems.Select(p => p.Vi)), leadEn + string.Join("; ", problems.Select(p => p.En)), problems);
        }
    }

    public static Ratio Ratio(string text) => Domain.Rules.Ratio.Parse(text);

    public static bool IsRatio(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            Domain.Rules.Ratio.Parse(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            return false;
        }
    }
}
