using System.Text.Json.Nodes;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>The timeline's one-line, bilingual reading of each stored engine event.</summary>
public sealed partial record CaseView
{
    private static readonly Dictionary<string, (string Vi, string En)> Verbs = new(StringComparer.Ordinal)
    {
        ["case-started"] = ("Khởi động hồ sơ", "Case started"),
        ["branch-started"] = ("Bắt đầu nhánh", "Branch started"),
        ["branch-completed"] = ("Hoàn thành nhánh", "Branch completed"),
        ["branch-cancelled"] = ("Hủy nhánh", "Branch cancelled"),
        ["step-started"] = ("Bắt đầu", "Started"),
        ["task-created"] = ("Giao việc", "Task created"),
        ["task-claimed"] = ("Nhận việc", "Task claimed"),
        ["task-released"] = ("Trả việc về nhóm", "Task released"),
        ["task-reassigned"] = ("Giao lại việc", "Task reassigned"),
        ["task-completed"] = ("Hoàn thành việc", "Task completed"),
        ["task-cancelled"] = ("Hủy việc", "Task cancelled"),
        ["vote-recorded"] = ("Ghi nhận kết quả bỏ phiếu", "Vote recorded"),
        ["candidate-vetted"] = ("Thẩm định nhân sự", "Candidate vetted"),
        ["election-recorded"] = ("Ghi nhận kết quả bầu cử", "Election recorded"),
        ["candidate-override-recorded"] = ("Quyết định vẫn chỉ định người không đạt ở bước trước", "Override: a candidate who failed an earlier step appointed"),
        ["decision-recorded"] = ("Ghi nhận quyết định", "Decision recorded"),
        ["announcement-recorded"] = ("Ghi nhận lễ công bố", "Announcement recorded"),
        ["approval-recorded"] = ("Ghi nhận kết luận", "Approval recorded"),
        ["gate-evaluated"] = ("Kiểm tra điều kiện", "Condition checked"),
        ["step-completed"] = ("Xong", "Completed"),
        ["step-returned"] = ("Trả về bước trước", "Returned to an earlier step"),
        ["notification-requested"] = ("Yêu cầu thông báo", "Notification requested"),
        ["timer-scheduled"] = ("Đặt hạn", "Timer scheduled"),
        ["timer-fired"] = ("Đến hạn", "Timer fired"),
        ["deadline-approaching"] = ("Sắp đến hạn", "Deadline approaching"),
        ["deadline-missed"] = ("Quá hạn", "Deadline missed"),
        ["case-suspended"] = ("Tạm dừng hồ sơ", "Case suspended"),
        ["case-resumed"] = ("Tiếp tục hồ sơ", "Case resumed"),
        ["case-cancelled"] = ("Hủy hồ sơ", "Case cancelled"),
        ["case-completed"] = ("Hoàn thành hồ sơ", "Case completed"),
    };

    private static TimelineEntry Narrate(StoredEvent stored, CaseState state, WorkflowDefinition definition)
    {
        var data = JsonNode.Parse(stored.Data) as JsonObject ?? [];
        var task = Field(data, "taskId") is { } taskId ? state.Tasks.GetValueOrDefault(taskId) : null;
        var stepId = Field(data, "stepId") ?? Field(data, "toStepId") ?? task?.StepId;
        var step = stepId is null ? null : definition.AllSteps.GetValueOrDefault(stepId);
        var branchId = Field(data, "branchId") ?? task?.BranchId;
        // The case's own steps need no committee after them (the root branch's key is an engine word).
        var branch = branchId is null || branchId == CaseState.RootBranchId ? null : state.Branches.GetValueOrDefault(branchId)?.Label;
        var (vi, en) = Verbs.GetValueOrDefault(stored.Type, ("Sự kiện khác", "Other event"));
        var extra = stored.Type == "candidate-override-recorded"
            ? $"{Field(data, "candidate")} ({Field(data, "decidedBy")}): {Field(data, "reason")}"
            : Field(data, "reason") ?? Field(data, "number");
        string Line(string verb, string? title) =>
            string.Join(" — ", new[] { verb + (title is null ? string.Empty : ": " + title), branch, extra }.Where(s => !string.IsNullOrEmpty(s)));
        return new TimelineEntry(stored.StreamVersion, stored.Timestamp, stored.Actor, stored.ActorRole, stored.Type, stepId,
            Line(vi, step?.Title.Vi), Line(en, step?.Title.En));
    }

    private static string? Field(JsonObject data, string name) =>
        data.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
