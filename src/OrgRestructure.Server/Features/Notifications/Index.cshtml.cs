using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Notifications;

public sealed class IndexModel(NotificationFeed feed) : AppPage
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await feed.ListAsync(Me, HttpContext.RequestAborted);

    public Task<IActionResult> OnPostReadAllAsync() => TryAsync(async () =>
    {
        var unread = (await feed.ListAsync(Me, HttpContext.RequestAborted)).Where(n => !n.Read).Select(n => n.Id).ToList();
        await feed.MarkReadAsync(Me, unread, null, HttpContext.RequestAborted);
        return RedirectToPage();
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
