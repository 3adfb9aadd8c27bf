using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Domain.Rules;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Tasks;

public sealed record CompleteTaskRequest(Dictionary<string, JsonElement>? Data);

public sealed record ReassignTaskRequest(string? UserName, string? Reason);

/// <summary>
/// The figures of a tally form being filled in. With the case and task, the case's own quorum and pass
/// threshold apply; with ballots returned and every row's four counts, the count is checked as on submission.
/// </summary>
public sealed record TallyPreviewRequest(
    int? Summoned,
    int? Present,
    Dictionary<string, int>? Votes,
    string? CaseId = null,
    string? TaskId = null,
    int? BallotsIssued = null,
    int? BallotsReturned = null,
    List<TallyPreviewRow>? Tallies = null);

/// <summary>The figures of an election form being filled in (step 7); with the case and task, the case's own surplus applies.</summary>
public sealed record ElectionPreviewRequest(
    int? Seats,
    int? Summoned,
    int? Present,
    int? BallotsIssued = null,
    int? BallotsReturned = null,
    List<ElectionPreviewRow>? Candidates = null,
    string? Chair = null,
    string? CaseId = null,
    string? TaskId = null);

public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/tasks", List);
        group.MapPost("/tasks/preview-tally", PreviewTally);
        group.MapPost("/tasks/preview-election", PreviewElection);
        group.MapGet("/cases/{caseId}/tasks/{taskId}", Get);
        group.MapPost("/cases/{caseId}/tasks/{taskId}/claim", Claim);
        group.MapPost("/cases/{caseId}/tasks/{taskId}/release", Release);
        group.MapPost("/cases/{caseId}/tasks/{taskId}/complete", Complete);
        group.MapPost("/cases/{caseId}/tasks/{taskId}/reassign", Reassign);
        return app;
    }

    /// <summary>A page of the caller's inbox, most urgent first; the next page's cursor is in the X-Next-Cursor and Link headers.</summary>
    private static async Task<Ok<IReadOnlyList<InboxItem>>> List(HttpContext context, Inbox inbox, bool? mine, bool? overdue, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(context.WithNextPage(await inbox.ListAsync(context.User.Caller(), mine, overdue, limit, cursor, ct)));

    /// <summary>Computes a vote tally's outcome and explanation without recording anything.</summary>
    private static async Task<Ok<TallyOutcome>> PreviewTally(TallyPreviewRequest request, ClaimsPrincipal user, CaseService cases, CancellationToken ct)
    {
        Require(("summoned", request.Summoned), ("present", request.Present));
        var parameters = await RulesAsync(user, cases, request.CaseId, request.TaskId, ct);
        var outcome = request.Tallies is { } rows
            ? TallyPreview.Evaluate(request.Summoned!.Value, request.Present!.Value, request.BallotsIssued, request.BallotsReturned, rows, parameters)
            : TallyPreview.Evaluate(request.Summoned!.Value, request.Present!.Value, request.Votes ?? [], parameters);
        return TypedResults.Ok(outcome);
    }

    /// <summary>Computes an election's outcome (who is elected, the surplus, the chair) without recording anything.</summary>
    private static async Task<Ok<TallyOutcome>> PreviewElection(ElectionPreviewRequest request, ClaimsPrincipal user, CaseService cases, CancellationToken ct)
    {
        Require(("seats", request.Seats), ("summoned", request.Summoned), ("present", request.Present));
        var parameters = await RulesAsync(user, cases, request.CaseId, request.TaskId, ct);
        return TypedResults.Ok(ElectionPreview.Evaluate(request.Seats!.Value, request.Summoned!.Value, request.Present!.Value, request.BallotsIssued, request.BallotsReturned, request.Candidates ?? [], request.Chair, parameters));
    }

    private static readonly string[] RequiredMessage = ["Bắt buộc nhập / required"];

    /// <summary>A preview needs these figures before anything can be computed.</summary>
    private static void Require(params (string Field, int? Value)[] figures)
    {
        var missing = figures.Where(f => f.Value is null).ToDictionary(f => f.Field, _ => RequiredMessage, StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            throw RequestRejectedException.Invalid(missing);
        }
    }

    /// <summary>The case's own rules for the task's form, when the preview names its case and task.</summary>
    private static async Task<RuleParameters?> RulesAsync(ClaimsPrincipal user, CaseService cases, string? caseId, string? taskId, CancellationToken ct) =>
        caseId is { Length: > 0 } && taskId is { Length: > 0 }
            ? TallyPreview.RulesOf(await cases.GetStateAsync(user.Caller(), caseId, null, null, ct), taskId)
            : null;

    /// <summary>One task with its form and context, from one read of its case (404 when missing or out of scope).</summary>
    private static async Task<Ok<TaskDetail>> Get(string caseId, string taskId, ClaimsPrincipal user, CaseService cases, IWorkflowEngine engine, CancellationToken ct)
    {
        var state = await cases.GetStateAsync(user.Caller(), caseId, null, null, ct);
        var task = state.Tasks.GetValueOrDefault(taskId) ?? throw RequestRejectedException.NotFound("việc / task " + taskId);
        return TypedResults.Ok(TaskDetail.From(state, task, engine.Definitions.Find(state.DefinitionId, state.DefinitionVersion)));
    }

    private static async Task<Results<Ok<CaseView>, Ok<CaseStanding>>> Claim(string caseId, string taskId, HttpContext context, CaseService cases, CancellationToken ct) =>
        CommandAnswer.For(context, cases, await cases.ClaimAsync(context.User.Caller(), caseId, taskId, context.CommandId(), ct));

    private static async Task<Results<Ok<CaseView>, Ok<CaseStanding>>> Release(string caseId, string taskId, HttpContext context, CaseService cases, CancellationToken ct) =>
        CommandAnswer.For(context, cases, await cases.ReleaseAsync(context.User.Caller(), caseId, taskId, context.CommandId(), ct));

    private static async Task<Results<Ok<CaseView>, Ok<CaseStanding>>> Reassign(string caseId, string taskId, ReassignTaskRequest request, HttpContext context, CaseService cases, CancellationToken ct) =>
        CommandAnswer.For(context, cases, await cases.ReassignAsync(context.User.Caller(), caseId, taskId, request.UserName, request.Reason, context.CommandId(), ct));

    private static async Task<Results<Ok<CaseView>, Ok<CaseStanding>>> Complete(string caseId, string taskId, CompleteTaskRequest request, HttpContext context, CaseService cases, CancellationToken ct)
    {
        if (request.Data is null)
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["data"] = ["Thiếu dữ liệu biểu mẫu / the form data is missing"] });
        }

        var data = JsonSerializer.SerializeToNode(request.Data)!.AsObject();
        return CommandAnswer.For(context, cases, await cases.CompleteAsync(context.User.Caller(), caseId, taskId, data, context.CommandId(), ct));
    }
}
