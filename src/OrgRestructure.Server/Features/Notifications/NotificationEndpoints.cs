using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Notifications;

public sealed record MarkReadRequest(IReadOnlyList<Guid>? Ids);

public sealed record MarkReadResponse(int Unread);

public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", List);
        group.MapPost("/read", MarkRead);
        group.MapPost("/read-all", MarkAllRead);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<Notification>>> List(ClaimsPrincipal user, NotificationFeed feed, bool? unread, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<Notification>>([.. (await feed.ListAsync(user.Caller(), ct)).Where(n => unread is null || n.Read != unread)]);

    private static async Task<Ok<MarkReadResponse>> MarkRead(MarkReadRequest request, HttpContext context, NotificationFeed feed, CancellationToken ct)
    {
        if (request.Ids is not { Count: > 0 })
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["ids"] = ["Cần ít nhất một mã thông báo / at least one notification id"] });
        }

        var caller = context.User.Caller();
        await feed.MarkReadAsync(caller, request.Ids, context.CommandId(), ct);
        return TypedResults.Ok(new MarkReadResponse(await feed.UnreadCountAsync(caller, ct)));
    }

    private static async Task<Ok<MarkReadResponse>> MarkAllRead(HttpContext context, NotificationFeed feed, CancellationToken ct)
    {
        var caller = context.User.Caller();
        var unread = (await feed.ListAsync(caller, ct)).Where(n => !n.Read).Select(n => n.Id).ToList();
        await feed.MarkReadAsync(caller, unread, context.CommandId(), ct);
        return TypedResults.Ok(new MarkReadResponse(0));
    }
}
