using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Server.Features.Tasks;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>Task commands: claim, release, reassign, complete.</summary>
public sealed partial class CaseService
{
    public static bool CanWork(Caller caller, CaseState state, CaseTask task) =>
        caller.CanSee(state.Province, state.District)
        && (caller.Role == Role.Administrator || ProcedureDefinition.Formation.Step(task.Step).CandidateRoles.Contains(caller.Role))
        && (task.Assignee is null || task.Assignee == caller.UserName || caller.Role == Role.Administrator);

    public async Task<CaseState> ClaimAsync(Caller caller, string caseId, string taskId, string? commandId, CancellationToken ct)
    {
        var (state, task) = await OpenTaskAsync(caller, caseId, taskId, ct);
        if (task.Assignee == caller.UserName)
        {
            return state;
        }

        await AppendAsync(caller, caseId, state.Version, [new TaskClaimed(taskId, caller.UserName)], commandId, ct);
        return await GetAsync(caller, caseId, null, ct);
    }

    public async Task<CaseState> ReleaseAsync(Caller caller, string caseId, string taskId, string? commandId, CancellationToken ct)
    {
        var (state, task) = await OpenTaskAsync(caller, caseId, taskId, ct);
        if (task.Assignee is null)
        {
            throw RequestRejectedException.Conflict("Việc này chưa có ai nhận.", "Nobody has claimed this task.");
        }

        await AppendAsync(caller, caseId, state.Version, [new TaskReleased(taskId, caller.UserName)], commandId, ct);
        return await GetAsync(caller, caseId, null, ct);
    }

    public async Task<CaseState> ReassignAsync(Caller caller, string caseId, string taskId, string? toUser, string? commandId, CancellationToken ct)
    {
        var state = await GetAsync(caller, caseId, null, ct);
        var task = FindOpenTask(state, taskId);
        if (caller.Role is not (Role.DistrictStandingCommittee or Role.DistrictOrganizationBoard or Role.ProvinceOrganizationBoard or Role.Administrator))
        {
            throw RequestRejectedException.Forbidden();
        }

        var target = string.IsNullOrWhiteSpace(toUser) ? null : users.Find(toUser);
        var step = ProcedureDefinition.Formation.Step(task.Step);
        if (target is null || !target.CanSee(state.Province, state.District) || !step.CandidateRoles.Contains(target.Role))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]>
            {
                ["userName"] = [$"Người nhận phải thuộc {string.Join(", ", step.CandidateRoles.Select(Roles.Vietnamese))} của {state.District} / the assignee must hold {string.Join(", ", step.CandidateRoles)} in {state.District}"],
            });
        }

        await AppendAsync(caller, caseId, state.Version, [new TaskReassigned(taskId, task.Assignee, target.UserName)], commandId, ct);
        return await GetAsync(caller, caseId, null, ct);
    }

    public async Task<CaseState> CompleteAsync(Caller caller, string caseId, string taskId, IReadOnlyDictionary<string, string> data, string? commandId, CancellationToken ct)
    {
        var (state, task) = await OpenTaskAsync(caller, caseId, taskId, ct);
        var definition = ProcedureDefinition.Formation;
        var step = definition.Step(task.Step);
        var result = StepForms.Evaluate(step, state, data);
        var now = clock.GetUtcNow();
        var events = new List<object> { new TaskCompleted(taskId, step.Number, result.Data, result.OutcomeVi, result.OutcomeEn) };
        if (result.Return is { } back)
        {
            events.Add(back);
            events.Add(new TaskOpened(TaskId(back.ToStep, state.Version + 1), back.ToStep, now.AddDays(definition.Step(back.ToStep).DueDays)));
        }
        else if (step.Number < definition.Steps.Count)
        {
            var next = definition.Step(step.Number + 1);
            events.Add(new TaskOpened(TaskId(next.Number, state.Version + 1), next.Number, state.StartedAt.AddDays(next.DueDays) > now ? state.StartedAt.AddDays(next.DueDays) : now.AddDays(3)));
        }
        else
        {
            events.Add(new CaseCompleted(
                $"{state.Committees.Count} đảng bộ cơ sở được thành lập tại {state.District}",
                $"{state.Committees.Count} grassroots committees formed in {state.District}"));
        }

        await AppendAsync(caller, caseId, state.Version, events, commandId, ct);
        return await GetAsync(caller, caseId, null, ct);
    }

    private async Task<(CaseState State, CaseTask Task)> OpenTaskAsync(Caller caller, string caseId, string taskId, CancellationToken ct)
    {
        var state = await GetAsync(caller, caseId, null, ct);
        var task = FindOpenTask(state, taskId);
        if (!CanWork(caller, state, task))
        {
            throw RequestRejectedException.Forbidden();
        }

        return (state, task);
    }

    private static CaseTask FindOpenTask(CaseState state, string taskId)
    {
        RequireActive(state);
        var task = state.Tasks.FirstOrDefault(t => t.TaskId == taskId) ?? throw RequestRejectedException.NotFound("việc / task " + taskId);
        if (!task.Open)
        {
            throw RequestRejectedException.Conflict(
                $"Bước {task.Step} không còn là bước hiện tại (hiện tại: bước {state.CurrentStep}); thao tác không được ghi nhận.",
                $"Step {task.Step} is not the current step (current: step {state.CurrentStep}); nothing was recorded.");
        }

        return task;
    }
}
