using System.Globalization;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>What completing a step produced: the data kept, its explained outcome, and whether the slate goes back.</summary>
public sealed record StepResult(IReadOnlyDictionary<string, string> Data, string OutcomeVi, string OutcomeEn, SlateReturned? Return);

/// <summary>
/// Validates a step's form against the case and computes the outcome. Every problem is collected
/// (field → bilingual message) and refused as a whole: nothing is half-applied.
/// </summary>
public static partial class StepForms
{
    public static StepResult Evaluate(StepDefinition step, CaseState state, IReadOnlyDictionary<string, string> input)
    {
        var form = new FormReader(input);
        var result = step.Kind switch
        {
            StepKind.Slate => Slate(form),
            StepKind.ConfidenceVote => Vote(form, state.Slate, nominations: false),
            StepKind.BlocConfidenceVote => Vote(form, state.Slate, nominations: true),
            StepKind.Vetting => Vetting(form, state.Slate),
            StepKind.Decision => Decision(form),
            StepKind.Announcement => Announcement(form),
            StepKind.Election => Election(form),
            _ => null,
        };
        if (form.Errors.Count > 0 || result is null)
        {
            throw RequestRejectedException.Invalid(form.Errors);
        }

        return result;
    }

    private static StepResult Slate(FormReader form)
    {
        var seats = form.Int("seats", 1, 50);
        var candidates = form.Names("candidates");
        form.Text("criteria");
        if (seats is { } s && candidates.Count > 0)
        {
            // Election rules 190-QĐ/TW: at most 30% more candidates than seats; 3–5 seats allow one more.
            var max = s is >= 3 and <= 5 ? s + 1 : s + (int)Math.Floor(s * 0.3);
            if (candidates.Count < s)
            {
                form.Error("candidates", $"Cần ít nhất {s} người cho {s} chỗ", $"at least {s} candidates are needed for {s} seats");
            }
            else if (candidates.Count > max)
            {
                form.Error("candidates", $"Tối đa {max} người cho {s} chỗ (quy định số dư)", $"at most {max} candidates for {s} seats (surplus rule)");
            }
        }

        return new StepResult(
            form.Kept,
            $"{candidates.Count} người cho {seats} chỗ: {string.Join(", ", candidates)}",
            $"{candidates.Count} candidates for {seats} seats: {string.Join(", ", candidates)}",
            null);
    }

    private static StepResult Vote(FormReader form, IReadOnlyList<string> slate, bool nominations)
    {
        var summoned = form.Int("summoned", 1, 100_000) ?? 0;
        var present = form.Int("present", 0, 100_000) ?? 0;
        var names = slate.ToList();
        if (nominations)
        {
            names.AddRange(form.Names("nominations", required: false).Where(n => !names.Contains(n, StringComparer.Ordinal)));
        }

        var votes = names.Select(n => new CandidateVotes(n, form.Int("votes:" + n, 0, 100_000) ?? 0)).ToList();
        foreach (var e in TallyRules.Check(summoned, present, votes))
        {
            form.Error(e.Key, e.Value[0], e.Value[0]);
        }

        var outcome = TallyRules.Evaluate(summoned, present, votes);
        return new StepResult(
            form.Kept,
            outcome.ExplanationVi + "; " + string.Join("; ", outcome.Candidates.Select(c => c.ExplanationVi)),
            outcome.ExplanationEn + "; " + string.Join("; ", outcome.Candidates.Select(c => c.ExplanationEn)),
            null);
    }

    private static StepResult Vetting(FormReader form, IReadOnlyList<string> slate)
    {
        var rejected = new List<(string Name, string Reason)>();
        foreach (var name in slate)
        {
            var decision = form.Choice("decision:" + name, "approve", "reject");
            if (decision == "reject")
            {
                var reason = form.Text("reason:" + name);
                if (string.IsNullOrWhiteSpace(reason))
                {
                    form.Error("reason:" + name, $"Cần nêu lý do không đạt cho {name}", $"a reason is required to reject {name}");
                }

                rejected.Add((name, reason ?? string.Empty));
            }
        }

        if (rejected.Count == 0)
        {
            return new StepResult(form.Kept, $"Cả {slate.Count} người đạt thẩm định", $"all {slate.Count} candidates passed vetting", null);
        }

        var vi = "Không đạt: " + string.Join("; ", rejected.Select(r => $"{r.Name} ({r.Reason})"));
        var en = "Rejected: " + string.Join("; ", rejected.Select(r => $"{r.Name} ({r.Reason})"));
        return new StepResult(form.Kept, vi, en, new SlateReturned(4, 1, vi + " — trả về bước 1 để điều chỉnh danh sách", en + " — back to step 1 to revise the slate"));
    }

    private static StepResult Decision(FormReader form)
    {
        var number = form.Text("number", required: true);
        var date = form.Date("date");
        var signatory = form.Text("signatory", required: true);
        var d = date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new StepResult(form.Kept, $"Quyết định số {number} ngày {d}, ký: {signatory}", $"Decision no. {number} of {date:yyyy-MM-dd}, signed by {signatory}", null);
    }

    private static StepResult Announcement(FormReader form)
    {
        var date = form.Date("date");
        var attendees = form.Int("attendees", 1, 100_000);
        return new StepResult(form.Kept, $"Công bố ngày {date:dd/MM/yyyy}, {attendees} đại biểu dự", $"Announced on {date:yyyy-MM-dd}, {attendees} attending", null);
    }

    private static StepResult Election(FormReader form)
    {
        var summoned = form.Int("summoned", 1, 1000) ?? 0;
        var members = form.Names("members");
        var chair = form.Text("chair", required: true);
        var chairVotes = form.Int("chairVotes", 0, 1000) ?? 0;
        if (members.Count is < 3 or > 5)
        {
            form.Error("members", "Ủy ban kiểm tra có từ 3 đến 5 người", "the inspection committee has 3 to 5 members");
        }

        if (chair is not null && members.Count > 0 && !members.Contains(chair, StringComparer.Ordinal))
        {
            form.Error("chair", "Chủ nhiệm phải là một ủy viên vừa được bầu", "the chair must be one of the elected members");
        }

        if (chairVotes > summoned)
        {
            form.Error("chairVotes", "Số phiếu không được vượt số được triệu tập", "votes cannot exceed those summoned");
        }
        else if (summoned > 0 && chairVotes * 2 <= summoned)
        {
            form.Error("chairVotes", $"{chair}: {chairVotes}/{summoned} không quá một nửa số được triệu tập → chưa trúng cử; bầu lại", $"{chair}: {chairVotes} of {summoned} is not more than half of those summoned → not elected; hold another ballot");
        }

        return new StepResult(
            form.Kept,
            $"Bầu UBKT {members.Count} người; chủ nhiệm {chair}: {chairVotes}/{summoned} > 50% → trúng cử",
            $"Inspection committee of {members.Count} elected; chair {chair}: {chairVotes} of {summoned} > 50% → elected",
            null);
    }
}
