using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Notifications;

public sealed class IndexModel(INotificationFeed feed) : AppPage
{
    public IReadOnlyList<FeedItem> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await feed.GetFeedAsync(Me.UserName, false, 200, HttpContext.RequestAborted);

    public Task<IActionResult> OnPostReadAllAsync() => TryAsync(async () =>
    {
        await feed.MarkAllReadAsync(Me.UserName, HttpContext.RequestAborted);
        return RedirectToPage();
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
