using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
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

public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/tasks", List);
        group.MapPost("/tasks/preview-tally", PreviewTally);
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
        var caller = user.Caller();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Summoned is null)
        {
            errors["summoned"] = ["Bắt buộc nhập / required"];
        }

        if (request.Present is null)
        {
            errors["present"] = ["Bắt buộc nhập / required"];
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Invalid(errors);
        }

        var parameters = request.CaseId is { Length: > 0 } caseId && request.TaskId is { Length: > 0 } taskId
            ? TallyPreview.RulesOf(await cases.GetStateAsync(caller, caseId, null, null, ct), taskId)
            : null;
        var outcome = request.Tallies is { } rows
            ? TallyPreview.Evaluate(request.Summoned!.Value, request.Present!.Value, request.BallotsIssued, request.BallotsReturned, rows, parameters)
            : TallyPreview.Evaluate(request.Summoned!.Value, request.Present!.Value, request.Votes ?? [], parameters);
        return TypedResults.Ok(outcome);
    }

    /// <summary>One task with its form and context, from one read of its case (404 when missing or out of scope).</summary>
    private static async Task<Ok<TaskDetail>> Get(string caseId, string taskId, ClaimsPrincipal user, CaseService cases, IWorkflowEngine engine, CancellationToken ct)
    {
        var state = await cases.GetStateAsync(user.Caller(), caseId, null, null, ct);
        var task = state.Tasks.GetValueOrDefault(taskId) ?? throw RequestRejectedException.NotFound("việc / task " + taskId);
        return TypedResults.Ok(TaskDetail.From(state, task, engine.Definitions.Find(state.DefinitionId, state.DefinitionVersion)));
    }

    private static async Task<Ok<CaseView>> Claim(string caseId, string taskId, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.ClaimAsync(context.User.Caller(), caseId, taskId, context.CommandId(), ct));

    private static async Task<Ok<CaseView>> Release(string caseId, string taskId, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.ReleaseAsync(context.User.Caller(), caseId, taskId, context.CommandId(), ct));

    private static async Task<Ok<CaseView>> Reassign(string caseId, string taskId, ReassignTaskRequest request, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.ReassignAsync(context.User.Caller(), caseId, taskId, request.UserName, request.Reason, context.CommandId(), ct));

    private static async Task<Ok<CaseView>> Complete(string caseId, string taskId, CompleteTaskRequest request, HttpContext context, CaseService cases, CancellationToken ct)
    {
        if (request.Data is null)
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["data"] = ["Thiếu dữ liệu biểu mẫu / the form data is missing"] });
        }

        var data = JsonSerializer.SerializeToNode(request.Data)!.AsObject();
        return TypedResults.Ok(await cases.CompleteAsync(context.User.Caller(), caseId, taskId, data, context.CommandId(), ct));
    }
}
