using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Tasks;

/// <summary>A task's form, rendered from the fields the workflow definition gives the task.</summary>
public sealed class TaskModel(CaseService cases, UserDirectory users, OrganizationNames organizations) : AppPage
{
    [BindProperty(SupportsGet = true)]
    public string CaseId { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string TaskId { get; set; } = string.Empty;

    public CaseView? Case { get; private set; }

    public TaskView? Task { get; private set; }

    public WorkTask? Work { get; private set; }

    public bool CanWork { get; private set; }

    public bool CanReassign => Me.Role is Role.DistrictStandingCommittee or Role.DistrictOrganizationBoard or Role.ProvinceOrganizationBoard or Role.Administrator;

    public IReadOnlyList<Caller> Assignees { get; private set; } = [];

    /// <summary>What the step hands the reviewer from earlier steps, labelled and explained.</summary>
    public IReadOnlyList<ContextEntry> Context { get; private set; } = [];

    /// <summary>The form's values: what was just posted, else the prefill (last recorded data, or the candidates in the task's context).</summary>
    public JsonObject Values { get; private set; } = [];

    public string NameOf(string user) => users.Find(user)?.DisplayName ?? user;

    /// <summary>A vote's head-decision rows follow its tally (one per candidate exactly at the threshold), so the clerk does not add them.</summary>
    public IReadOnlySet<string> ComputedRows => Work?.Kind == VoteKind ? new HashSet<string>(StringComparer.Ordinal) { TaskForm.HeadDecisions } : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The forms whose figures are previewed while typed: a vote's tally, an election's ballots.</summary>
    public bool Previews => Work?.Kind is VoteKind or "Election";

    private const string VoteKind = "ConfidenceVote";

    private RuleParameters rules = RuleParameters.Default;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        ShowHeadDecisionsAtThreshold();
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
        await cases.ReassignAsync(Me, CaseId, TaskId, userName, null, null, HttpContext.RequestAborted);
        Flash($"Đã giao lại cho {userName}", $"Reassigned to {userName}");
        return Redirect($"/cases/{CaseId}");
    });

    public Task<IActionResult> OnPostCompleteAsync() => TryAsync(async () =>
    {
        await LoadAsync();
        var posted = Request.Form.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        Values = TaskForm.Read(Work!.Form, posted);
        var view = cases.View(await cases.CompleteAsync(Me, CaseId, TaskId, (JsonObject)Values.DeepClone(), null, HttpContext.RequestAborted));
        var done = view.Timeline.LastOrDefault(e => e.Type == "step-completed" || e.Type == "step-returned") ?? view.Timeline[^1];
        Flash(done.SummaryVi, done.SummaryEn);
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

        ShowHeadDecisionsAtThreshold();
    }

    private void ShowHeadDecisionsAtThreshold()
    {
        if (Work?.Kind == VoteKind && Work.Status == WorkTaskStatus.Open)
        {
            TaskForm.KeepHeadDecisionsAtThreshold(Values, rules);
        }
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var read = await cases.ReadAsync(Me, CaseId, null, null, ct);
        var state = read.State;
        Case = cases.View(read);
        Task = Case.Tasks.FirstOrDefault(t => t.TaskId == TaskId) ?? throw RequestRejectedException.NotFound("việc / task " + TaskId);
        Work = state.Tasks[TaskId];
        CanWork = Case.Status == nameof(CaseStatus.Running) && CaseService.CanWork(Me, Task);
        Values = TaskForm.Prefill(state, Work);
        rules = TallyPreview.RulesOf(state, TaskId);
        Context = StepContextView.Describe(await NamedAsync(Work.Context, Case.Province, ct), read.Definition, T.English);
        Assignees = [.. new[] { Task.AssigneeRole }.Concat(Task.CandidateGroups)
            .Select(Roles.FromEngineRole).OfType<Role>()
            .SelectMany(r => users.InRole(r, Case.Province, Case.District)).Where(u => u.District is not null).Distinct()];
    }

    /// <summary>The context with the organizations it names by their names (the case carries their survey ids).</summary>
    private async Task<JsonObject> NamedAsync(JsonObject context, string province, CancellationToken ct)
    {
        if (context["item.organizations"] is not JsonArray ids)
        {
            return context;
        }

        var list = ids.Select(i => i?.ToString()).OfType<string>().ToList();
        await organizations.LearnAsync(province, list, ct);
        var named = (JsonObject)context.DeepClone();
        named["item.organizations"] = new JsonArray([.. list.Select(id => (JsonNode?)JsonValue.Create(organizations.Find(id) ?? id))]);
        return named;
    }
}
