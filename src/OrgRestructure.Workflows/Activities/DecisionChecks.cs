using System.Text.Json;
using System.Text.Json.Nodes;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Rules;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Workflows.Activities;

/// <summary>
/// What a decision may appoint, given what the branch recorded before it: nobody who failed a
/// confidence vote or vetting (unless the definition allows an override and the form records
/// who decided and why); no more people than the slate's seats; one secretary and no more
/// deputies than the slate set.
/// </summary>
internal static class DecisionChecks
{
    public const string Refuse = "refuse";
    public const string OverrideWithReason = "override-with-reason";

    /// <summary>The case's policy for failed candidates ("failedCandidates" setting); anything but the override value refuses.</summary>
    public static string Policy(StepContext context) =>
        context.Setting("failedCandidates") is JsonValue v && v.GetValue<string>() == OverrideWithReason ? OverrideWithReason : Refuse;

    /// <summary>The overrides to record, one per failed appointee; throws when a failed appointee has none (or may not have one).</summary>
    public static List<CandidateOverrideRecorded> Overrides(StepContext context, IReadOnlyList<Appointee> appointees, JsonObject data)
    {
        var policy = Policy(context);
        var rows = (data["overrides"] as JsonArray ?? []).Select(r => r!.AsObject()).ToList();
        var given = new Dictionary<string, (int Row, string DecidedBy, string Reason)>(StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        for (var i = 0; i < rows.Count; i++)
        {
            var name = rows[i]["candidate"]!.GetValue<string>().Trim();
            if (!given.TryAdd(name, (i, rows[i]["decidedBy"]!.GetValue<string>().Trim(), rows[i]["reason"]!.GetValue<string>().Trim())))
            {
                problems.Add(new($"overrides[{i}].candidate", $"{name} có hai dòng quyết định vượt", $"{name} has two override rows"));
            }
        }

        var overrides = new List<CandidateOverrideRecorded>();
        var refused = new List<string>();
        var appointed = appointees.Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in appointed)
        {
            var failures = context.Branch.FailuresOf(name);
            if (failures.Count == 0)
            {
                continue;
            }

            var sentences = failures.Select(f => CandidateOutcomes.Sentence(context, f)).ToList();
            if (policy == OverrideWithReason && given.TryGetValue(name, out var o))
            {
                overrides.Add(new CandidateOverrideRecorded(context.Branch.Id, context.Step.Id, name, [.. sentences.Select(s => new LocalizedText(s.Vi, s.En))], o.DecidedBy, o.Reason, context.Actor.Id, context.Now));
                continue;
            }

            var index = appointees.ToList().FindIndex(a => a.Name == name);
            var vi = $"{name} không đạt ở bước trước ({string.Join("; ", sentences.Select(s => s.Vi))}): "
                + (policy == OverrideWithReason
                    ? "chỉ được chỉ định khi ban thường vụ ghi quyết định vượt (người quyết định, lý do)"
                    : "quy trình không cho phép chỉ định người không đạt phiếu tín nhiệm hoặc thẩm định");
            var en = $"{name} failed an earlier step ({string.Join("; ", sentences.Select(s => s.En))}): "
                + (policy == OverrideWithReason
                    ? "may be appointed only with an override recorded by the standing committee (who decided, why)"
                    : "this procedure does not allow appointing a candidate who failed a confidence vote or vetting");
            problems.Add(new($"appointees[{index}].name", vi, en));
            refused.Add(name);
        }

        foreach (var (name, row) in given)
        {
            if (!appointed.Contains(name, StringComparer.Ordinal) || context.Branch.FailuresOf(name).Count == 0)
            {
                problems.Add(new($"overrides[{row.Row}].candidate", $"{name} không phải người được chỉ định đã không đạt ở bước trước: không cần quyết định vượt", $"{name} is not an appointee who failed an earlier step: no override is needed"));
            }
        }

        PartyRules.Refuse(refused.Count > 0 ? "failed-candidate-appointed" : "override-not-needed", "Không thể ra quyết định: ", "The decision is refused: ", problems);

        return overrides;
    }

    /// <summary>Seats and positions as the slate set them: executive and standing seats, one secretary, the deputies' count.</summary>
    public static void WithinSlate(StepContext context, IReadOnlyList<Appointee> appointees, IReadOnlyCollection<string> nonExecutive, IReadOnlyCollection<string> standing)
    {
        if (context.Text("slateStep") is not { } slateStep || context.Resolve($"steps.{slateStep}") is not JsonObject slate)
        {
            return;
        }

        var problems = new List<FieldProblem>();
        var executive = appointees.Where(a => !nonExecutive.Contains(a.Position)).Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        if (Int(slate, "executiveSeats") is { } seats && executive.Count > seats)
        {
            var extra = string.Join(", ", executive.Skip(seats));
            problems.Add(new(
                "appointees",
                $"chỉ định {executive.Count} ủy viên ban chấp hành, vượt {seats} chỗ đã xác định ở bước lập danh sách (thừa: {extra})",
                $"{executive.Count} executive committee members appointed, more than the {seats} seats the slate set (beyond the seats: {extra})"));
        }

        // The standing committee counts the secretary and deputies with its other members.
        var standingMembers = appointees.Where(a => standing.Contains(a.Position) || a.Position is "secretary" or "deputy-secretary").Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        if (Int(slate, "standingSeats") is { } standingSeats and > 0 && standingMembers.Count > standingSeats)
        {
            problems.Add(new(
                "appointees",
                $"ban thường vụ (gồm Bí thư, Phó Bí thư) có {standingMembers.Count} người, vượt {standingSeats} chỗ đã xác định (thừa: {string.Join(", ", standingMembers.Skip(standingSeats))})",
                $"the standing committee (secretary and deputies included) has {standingMembers.Count} members, more than the {standingSeats} seats set (beyond the seats: {string.Join(", ", standingMembers.Skip(standingSeats))})"));
        }

        var secretaries = appointees.Where(a => a.Position == "secretary").Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        if (secretaries.Count > 1)
        {
            problems.Add(new("appointees", $"chỉ được chỉ định một Bí thư ({string.Join(", ", secretaries)})", $"only one secretary may be appointed ({string.Join(", ", secretaries)})"));
        }

        var deputies = appointees.Where(a => a.Position == "deputy-secretary").Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        var proposed = (slate["candidates"] as JsonArray ?? []).Count(c => c?["position"]?.GetValue<string>() == "deputy-secretary");
        var allowed = Int(slate, "deputySecretaries") ?? proposed;
        if (deputies.Count > allowed)
        {
            problems.Add(new(
                "appointees",
                $"chỉ định {deputies.Count} Phó Bí thư ({string.Join(", ", deputies)}), nhiều hơn {allowed} theo danh sách đã xác định",
                $"{deputies.Count} deputy secretaries appointed ({string.Join(", ", deputies)}), more than the {allowed} the slate set"));
        }

        PartyRules.Refuse("decision-exceeds-slate", "Quyết định không khớp danh sách đã xác định: ", "The decision does not fit the slate: ", problems);
    }

    private static int? Int(JsonObject o, string key) => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (int)v.AsDouble() : null;
}
