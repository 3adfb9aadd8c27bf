namespace OrgRestructure.Workflows.Runtime;

/// <summary>One thing wrong with one field of a submitted form or input.</summary>
public sealed record FieldProblem(string Field, string Vi, string En);

/// <summary>
/// A refusal the caller can act on. <see cref="StatusHint"/> is the HTTP status the API should use
/// (400 bad input, 403 not allowed, 404 unknown, 409 conflict with the case's state, 422 rule violated).
/// Nothing was appended when one of these is thrown.
/// </summary>
public abstract class WorkflowException : Exception
{
    protected WorkflowException(string code, string vi, string en, int statusHint)
        : base($"{en} / {vi}")
    {
        Code = code;
        MessageVi = vi;
        MessageEn = en;
        StatusHint = statusHint;
    }

    /// <summary>Stable, machine-readable reason, e.g. "tally-mismatch".</summary>
    public string Code { get; }

    public string MessageVi { get; }

    public string MessageEn { get; }

    public int StatusHint { get; }
}

/// <summary>A party rule or a form rule refused the action (422), or the input was malformed (400).</summary>
public sealed class WorkflowRuleViolation : WorkflowException
{
    public WorkflowRuleViolation(string code, string vi, string en, IReadOnlyList<FieldProblem>? problems = null, int statusHint = 422)
        : base(code, vi, en, statusHint) => Problems = problems ?? [];

    public IReadOnlyList<FieldProblem> Problems { get; }

    public static WorkflowRuleViolation Form(IReadOnlyList<FieldProblem> problems, string code = "form-invalid") =>
        new(
            code,
            (code == "form-invalid" ? "Dữ liệu nhập không hợp lệ: " : "Không đúng quy định: ") + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Vi}")),
            (code == "form-invalid" ? "The submitted data is not valid: " : "Refused by the rules: ") + string.Join("; ", problems.Select(p => $"{p.Field}: {p.En}")),
            problems);
}

/// <summary>The task or step acted on is not the one the case is waiting at (409).</summary>
public sealed class StepNotCurrent(string stepId, string? currentStepIds)
    : WorkflowException(
        "step-not-current",
        $"Bước '{stepId}' không phải bước đang thực hiện (đang ở: {currentStepIds ?? "không có"}).",
        $"Step '{stepId}' is not current (current: {currentStepIds ?? "none"}).",
        409)
{
    public string StepId { get; } = stepId;
}

/// <summary>The case cannot take this action in its present status (suspended, cancelled, completed) (409).</summary>
public sealed class CaseNotActive(string caseId, string status)
    : WorkflowException("case-not-active", $"Hồ sơ {caseId} đang ở trạng thái '{status}', không thể thao tác.", $"Case {caseId} is {status}; the action is not possible.", 409);

/// <summary>Something named by the caller does not exist (404).</summary>
public sealed class WorkflowNotFound(string code, string vi, string en) : WorkflowException(code, vi, en, 404)
{
    public static WorkflowNotFound Case(string caseId) => new("case-not-found", $"Không tìm thấy hồ sơ {caseId}.", $"Case {caseId} not found.");

    public static WorkflowNotFound Task(string taskId) => new("task-not-found", $"Không tìm thấy nhiệm vụ {taskId}.", $"Task {taskId} not found.");

    public static WorkflowNotFound Definition(string id, int? version) =>
        new("definition-not-found", $"Không tìm thấy quy trình {id}{(version is null ? string.Empty : $" phiên bản {version}")}.", $"Workflow definition {id}{(version is null ? string.Empty : $" version {version}")} not found.");
}

/// <summary>The actor may not act on this task (403): wrong role, or someone else holds it.</summary>
public sealed class TaskNotAllowed(string code, string vi, string en) : WorkflowException(code, vi, en, 403);

/// <summary>The action conflicts with what already happened, e.g. the task was already completed (409).</summary>
public sealed class WorkflowConflict(string code, string vi, string en) : WorkflowException(code, vi, en, 409);
