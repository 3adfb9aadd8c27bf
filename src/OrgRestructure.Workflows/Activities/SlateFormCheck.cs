using System.Text.Json.Nodes;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// Refuses an invalid slate where it is drawn up: a form with "executiveSeats" and "candidates"
/// (each with a "position") is checked for the surplus rule, the standing committee's minimum
/// executive size and a single secretary, with the case's rule parameters.
/// </summary>
internal static class SlateFormCheck
{
    private static readonly string[] NonExecutive = ["inspection-chair", "inspection-vice-chair", "inspection-committee"];

    public static void Enforce(StepContext context, JsonObject data)
    {
        if (data["executiveSeats"] is not JsonValue seatsNode || data["candidates"] is not JsonArray candidates || !seatsNode.TryGetValue<int>(out var seats))
        {
            return;
        }

        var positions = candidates.Select(c => c?["position"]?.GetValue<string>() ?? "").ToList();
        var parameters = context.RuleParameters();
        var executive = positions.Count(p => !NonExecutive.Contains(p));
        var surplus = SurplusRule.Evaluate(seats, executive, parameters);
        if (!surplus.Allowed)
        {
            var text = PartyRules.Text(surplus.Explanation);
            throw new WorkflowRuleViolation("surplus", text.Vi, text.En, [new("candidates", text.Vi, text.En)]);
        }

        var standingSeats = data["standingSeats"] is JsonValue s && s.TryGetValue<int>(out var n) ? n : 0;
        if (standingSeats > 0 || positions.Contains("standing-committee"))
        {
            var standing = StandingCommitteeRule.Evaluate(seats, parameters);
            if (!standing.MayHaveStandingCommittee)
            {
                var text = PartyRules.Text(standing.Explanation);
                throw new WorkflowRuleViolation("standing-committee-not-allowed", text.Vi, text.En, [new("standingSeats", text.Vi, text.En)]);
            }
        }

        if (positions.Count(p => p == "secretary") > 1)
        {
            throw new WorkflowRuleViolation(
                "secretary-duplicated",
                "Danh sách chỉ được có một người dự kiến làm Bí thư",
                "The slate may propose only one secretary",
                [new("candidates", "Danh sách chỉ được có một người dự kiến làm Bí thư", "The slate may propose only one secretary")]);
        }
    }
}
