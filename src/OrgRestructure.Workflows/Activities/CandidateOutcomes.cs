using System.Text.Json.Nodes;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Activities;

/// <summary>The outcomes earlier steps recorded for candidates, as task context lines a reviewer reads (step title, then the rule's sentence).</summary>
internal static class CandidateOutcomes
{
    /// <summary>Every recorded outcome of the given candidates, candidate by candidate.</summary>
    public static JsonArray Lines(StepContext context, IEnumerable<string> candidates) =>
        [.. candidates.SelectMany(c => context.Branch.Outcomes.GetValueOrDefault(c)?.Values ?? Enumerable.Empty<CandidateStepOutcome>()).Select(o => Line(context, o))];

    /// <summary>Only the failures, of everyone the branch recorded an outcome for.</summary>
    public static JsonArray Failures(StepContext context) =>
        [.. context.Branch.Outcomes.Keys.SelectMany(context.Branch.FailuresOf).Select(o => Line(context, o))];

    public static (string Vi, string En) Sentence(StepContext context, CandidateStepOutcome o)
    {
        var title = context.Definition.AllSteps.TryGetValue(o.StepId, out var step) ? step.Title : new(o.StepId, o.StepId);
        return ($"{title.Vi} — {o.Explanation.Vi}", $"{title.En} — {o.Explanation.En}");
    }

    private static JsonObject Line(StepContext context, CandidateStepOutcome o)
    {
        var (vi, en) = Sentence(context, o);
        return new JsonObject
        {
            ["step"] = o.StepId,
            ["passed"] = o.Passed,
            ["explanation"] = new JsonObject { ["vi"] = vi, ["en"] = en },
        };
    }
}
