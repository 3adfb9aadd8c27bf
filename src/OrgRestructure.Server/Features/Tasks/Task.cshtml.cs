using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Definitions;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Tasks;

public sealed class TaskModel(CaseService cases, UserDirectory users) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string TaskId { get; set; } = string.Empty;

    public CaseState? Case { get; private set; }

    public CaseTask? Task { get; private set; }

    public StepDefinition? Step { get; private set; }

    public bool CanWork { get; private set; }

    public bool CanReassign => Me.Role is Role.DistrictStandingCommittee or Role.DistrictOrganizationBoard or Role.ProvinceOrganizationBoard or Role.Administrator;

    public IReadOnlyList<Caller> Assignees { get; private set; } = [];

    /// <summary>The form's values: what was just posted, else what the step last recorded (a returned slate is revised, not retyped).</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostClaimAsync() => TryAsync(async () =>
    {
        await cases.ClaimAsync(Me, CaseId, TaskId, null, HttpContext.RequestAborted);
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostReleaseAsync() => TryAsync(async () =>
    {
        await cases.ReleaseAsync(Me, CaseId, TaskId, null, HttpContext.RequestAborted);
        return Redirect("/inbox");
    });

    public Task<IActionResult> OnPostReassignAsync(string? userName) => TryAsync(async () =>
    {
        await cases.ReassignAsync(Me, CaseId, TaskId, userName, null, HttpContext.RequestAborted);
        Flash($"Đã giao lại cho {userName}", $"Reassigned to {userName}");
        return Redirect($"/cases/{CaseId}");
    });

    public Task<IActionResult> OnPostCompleteAsync() => TryAsync(async () =>
    {
        Values = Request.Form.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var state = await cases.CompleteAsync(Me, CaseId, TaskId, Values, null, HttpContext.RequestAborted);
        var last = state.Timeline.Last(e => e.Type is "TaskCompleted");
        Flash(last.SummaryVi, last.SummaryEn);
        return Redirect("/inbox");
    });

    protected override async Task OnRefusedAsync()
    {
        var posted = Values;
        await LoadAsync();
        if (posted.Count > 0)
        {
            Values = posted;
        }
    }

    private async Task LoadAsync()
    {
        Case = await cases.GetAsync(Me, CaseId, null, HttpContext.RequestAborted);
        Task = Case.Tasks.FirstOrDefault(t => t.TaskId == TaskId) ?? throw RequestRejectedException.NotFound("việc / task " + TaskId);
        Step = ProcedureDefinition.Formation.Step(Task.Step);
        CanWork = Case.Status == CaseStatus.Active && CaseService.CanWork(Me, Case, Task);
        Values = Step.Kind == StepKind.Slate ? Case.StepData.GetValueOrDefault(Task.Step) ?? new Dictionary<string, string>() : new Dictionary<string, string>();
        Assignees = [.. Step.CandidateRoles.SelectMany(r => users.InRole(r, Case.Province, Case.District)).Where(u => u.District is not null)];
    }
}
