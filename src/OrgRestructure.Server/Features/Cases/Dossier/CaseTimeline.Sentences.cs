using System.Globalization;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>One sentence per event of substance, in both languages, naming the people and what was decided.</summary>
public static partial class CaseTimelineBuilder
{
    private static LocalizedText? Sentence(ICaseEvent e, CaseState state, Func<string, string> nameOf)
    {
        LocalizedText TaskTitle(string taskId) => state.Tasks.GetValueOrDefault(taskId)?.Title ?? new("việc", "a task");
        LocalizedText L(string vi, string en) => new(vi, en);
        return e switch
        {
            CaseStarted x => L(
                $"Khởi động hồ sơ «{x.Title.Vi}» cho {x.Input["district"]}: {Count(x.Input["committees"])} đảng bộ cơ sở cần thành lập",
                $"Launched «{x.Title.En}» for {x.Input["district"]}: {Count(x.Input["committees"])} committees to form"),
            BranchStarted x => L($"Bắt đầu quy trình nhân sự cho {x.Label}", $"Personnel procedure started for {x.Label}"),
            BranchCompleted x => L($"{Label(state, x.BranchId)} đã hoàn thành quy trình", $"{Label(state, x.BranchId)} completed the procedure"),
            BranchCancelled x => L($"Dừng quy trình của {Label(state, x.BranchId)}: {x.Reason}", $"Procedure of {Label(state, x.BranchId)} stopped: {x.Reason}"),
            TaskCreated x => L(
                $"Giao việc «{x.Title.Vi}» cho {Role(x.AssigneeRole).Vi}{Due(x.DueAt, false)}",
                $"Task «{x.Title.En}» given to {Role(x.AssigneeRole).En}{Due(x.DueAt, true)}"),
            TaskClaimed x => L($"{nameOf(x.By)} nhận việc «{TaskTitle(x.TaskId).Vi}»", $"{nameOf(x.By)} took on «{TaskTitle(x.TaskId).En}»"),
            TaskReleased x => L($"{nameOf(x.By)} trả việc «{TaskTitle(x.TaskId).Vi}» về nhóm", $"{nameOf(x.By)} handed «{TaskTitle(x.TaskId).En}» back to the group"),
            TaskReassigned x => L(
                $"Giao lại việc «{TaskTitle(x.TaskId).Vi}» cho {(x.ToAssignee is { } to ? nameOf(to) : Role(x.ToRole ?? string.Empty).Vi)}: {x.Reason}",
                $"«{TaskTitle(x.TaskId).En}» reassigned to {(x.ToAssignee is { } to2 ? nameOf(to2) : Role(x.ToRole ?? string.Empty).En)}: {x.Reason}"),
            TaskCompleted x => L($"{nameOf(x.By)} nộp «{TaskTitle(x.TaskId).Vi}»", $"{nameOf(x.By)} submitted «{TaskTitle(x.TaskId).En}»"),
            TaskCancelled x => L($"Hủy việc «{TaskTitle(x.TaskId).Vi}»: {x.Reason}", $"«{TaskTitle(x.TaskId).En}» cancelled: {x.Reason}"),
            VoteRecorded x => Vote(x),
            CandidateVetted x => L(
                $"Thẩm định {x.Candidate}: {(x.Approved ? "đạt" : "không đạt")}{Reason(x.Reason)}",
                $"Vetting of {x.Candidate}: {(x.Approved ? "approved" : "rejected")}{Reason(x.Reason)}"),
            ElectionRecorded x => L(
                $"Bầu {x.Seats} ủy viên: trúng cử {Names(x.Results.Where(r => r.Elected).Select(r => r.Candidate))}{(x.Chair is { } c ? $"; chủ nhiệm {c}" : string.Empty)}",
                $"{x.Seats} seats elected: {Names(x.Results.Where(r => r.Elected).Select(r => r.Candidate))}{(x.Chair is { } c2 ? $"; chair {c2}" : string.Empty)}"),
            CandidateOverrideRecorded x => L(
                $"Vẫn chỉ định {x.Candidate} dù không đạt ({string.Join("; ", x.Failures.Select(f => f.Vi))}): {x.DecidedBy} quyết định — lý do: {x.Reason}",
                $"{x.Candidate} appointed despite failing ({string.Join("; ", x.Failures.Select(f => f.En))}): decided by {x.DecidedBy} — reason: {x.Reason}"),
            DecisionRecorded x => L(
                $"Quyết định số {x.Number} ngày {DossierFields.Date(x.Date)}, {x.Signatory} ký: chỉ định {x.Appointees.Count} người ({Names(x.Appointees.Select(a => a.Name))})",
                $"Decision {x.Number} of {DossierFields.Date(x.Date)}, signed by {x.Signatory}: {x.Appointees.Count} appointed ({Names(x.Appointees.Select(a => a.Name))})"),
            AnnouncementRecorded x => L(
                $"Lễ công bố ngày {DossierFields.Date(x.CeremonyDate)}, {x.Attendees} người dự; công bố quyết định {Names(x.Decisions)}",
                $"Ceremony on {DossierFields.Date(x.CeremonyDate)}, {x.Attendees} attending; decisions announced: {Names(x.Decisions)}"),
            ApprovalRecorded x => L($"Kết luận: {Outcome(x.Outcome).Vi}{Reason(x.Reason)}", $"Conclusion: {Outcome(x.Outcome).En}{Reason(x.Reason)}"),
            GateEvaluated x => DossierFold.GateOutcome(x.Passed),
            StepReturned x => L(
                $"Trả về bước trước ({StepTitle(state, x.ToStepId, false)}): {x.Reason}{About(x.Candidates, false)}",
                $"Returned to an earlier step ({StepTitle(state, x.ToStepId, true)}): {x.Reason}{About(x.Candidates, true)}"),
            NotificationRequested x => L(
                $"Gửi thông báo «{x.Subject.Vi}» đến {string.Join(", ", x.RecipientRoles.Select(r => Role(r).Vi))}",
                $"Notice «{x.Subject.En}» sent to {string.Join(", ", x.RecipientRoles.Select(r => Role(r).En))}"),
            DeadlineApproaching x => L($"Sắp đến hạn việc «{TaskTitle(x.TaskId).Vi}»{Due(x.DueAt, false)}", $"«{TaskTitle(x.TaskId).En}» is nearly due{Due(x.DueAt, true)}"),
            DeadlineMissed x => L(
                $"Quá hạn việc «{TaskTitle(x.TaskId).Vi}»{(x.EscalatedTo is { } r ? $"; chuyển lên {Role(r).Vi}" : string.Empty)}",
                $"«{TaskTitle(x.TaskId).En}» is overdue{(x.EscalatedTo is { } r2 ? $"; escalated to {Role(r2).En}" : string.Empty)}"),
            CaseSuspended x => L($"Tạm dừng hồ sơ: {x.Reason}", $"Case suspended: {x.Reason}"),
            CaseResumed => L("Tiếp tục hồ sơ", "Case resumed"),
            CaseCancelled x => L($"Hủy hồ sơ: {x.Reason}", $"Case cancelled: {x.Reason}"),
            CaseCompleted => L("Hồ sơ hoàn thành", "Case completed"),
            _ => null,
        };
    }

    private static LocalizedText Vote(VoteRecorded x)
    {
        var passed = x.Results.Count(r => r.Passed);
        var failed = x.Results.Where(r => !r.Passed).Select(r => r.Candidate).ToList();
        return new(
            $"Hội nghị: {x.Present}/{x.Summoned} có mặt, {(x.ConferenceValid ? "hợp lệ" : "không hợp lệ")}; {passed} đạt, {failed.Count} không đạt{(failed.Count > 0 ? $" ({Names(failed)})" : string.Empty)}",
            $"Conference: {x.Present}/{x.Summoned} present, {(x.ConferenceValid ? "valid" : "not valid")}; {passed} passed, {failed.Count} failed{(failed.Count > 0 ? $" ({Names(failed)})" : string.Empty)}");
    }

    /// <summary>A role of a definition in words (the role's own name when no account role has it).</summary>
    public static LocalizedText Role(string role) => new(Roles.Label(role, false), Roles.Label(role, true));

    /// <summary>An approval's outcome code in words.</summary>
    public static LocalizedText Outcome(string outcome) => outcome switch
    {
        "approve" => new("đồng ý", "approved"),
        "return" => new("trả về để sửa", "returned for revision"),
        "reject" => new("không đồng ý", "rejected"),
        _ => new(outcome, outcome),
    };

    private static string Label(CaseState state, string branchId) => state.Branches.GetValueOrDefault(branchId)?.Label ?? branchId;

    private static string StepTitle(CaseState state, string stepId, bool english) =>
        state.Tasks.Values.LastOrDefault(t => t.StepId == stepId)?.Title is { } title ? (english ? title.En : title.Vi) : stepId;

    private static int Count(System.Text.Json.Nodes.JsonNode? list) => (list as System.Text.Json.Nodes.JsonArray)?.Count ?? 0;

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? string.Empty : " — " + reason;

    private static string About(IReadOnlyList<string>? candidates, bool english) =>
        candidates is { Count: > 0 } c ? $" ({(english ? "about" : "về")} {Names(c)})" : string.Empty;

    private static string Due(DateTimeOffset? due, bool english) =>
        due is { } d ? $", {(english ? "due" : "hạn")} {d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : string.Empty;
}
