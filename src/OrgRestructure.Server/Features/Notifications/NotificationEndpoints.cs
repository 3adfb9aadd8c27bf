using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Notifications;

public sealed record MarkReadRequest(IReadOnlyList<Guid>? Ids);

public sealed record MarkReadResponse(int Unread);

/// <summary>The caller's in-app feed, kept by messaging (filled by the relay from the case events).</summary>
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

    /// <summary>The caller's notices, newest first, each with the link to its task (or case).</summary>
    private static async Task<Ok<IReadOnlyList<FeedItem>>> List(ClaimsPrincipal user, INotificationFeed feed, bool? unread, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<FeedItem>>([.. (await feed.GetFeedAsync(user.Caller().UserName, unread == true, 200, ct)).Select(NotificationLinks.WithLink)]);

    private static async Task<Ok<MarkReadResponse>> MarkRead(MarkReadRequest request, HttpContext context, INotificationFeed feed, CancellationToken ct)
    {
        if (request.Ids is not { Count: > 0 })
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]> { ["ids"] = ["Cần ít nhất một mã thông báo / at least one notification id"] });
        }

        var me = context.User.Caller().UserName;
        foreach (var id in request.Ids)
        {
            await feed.MarkReadAsync(me, id, ct);
        }

        return TypedResults.Ok(new MarkReadResponse(await feed.CountUnreadAsync(me, ct)));
    }

    private static async Task<Ok<MarkReadResponse>> MarkAllRead(HttpContext context, INotificationFeed feed, CancellationToken ct)
    {
        var me = context.User.Caller().UserName;
        await feed.MarkAllReadAsync(me, ct);
        return TypedResults.Ok(new MarkReadResponse(await feed.CountUnreadAsync(me, ct)));
    }
}
