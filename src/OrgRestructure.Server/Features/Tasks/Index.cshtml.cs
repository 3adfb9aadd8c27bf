using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.ReadModels;

namespace OrgRestructure.Server.Features.Tasks;

public sealed class IndexModel(Inbox inbox, CaseService cases) : AppPage
{
    public Page<InboxItem> Mine { get; private set; } = new([], null);

    public Page<InboxItem> Group { get; private set; } = new([], null);

    [BindProperty(SupportsGet = true)]
    public string? MineCursor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? GroupCursor { get; set; }

    public async Task OnGetAsync()
    {
        Mine = await inbox.ListAsync(Me, true, null, null, MineCursor, HttpContext.RequestAborted);
        Group = await inbox.ListAsync(Me, false, null, null, GroupCursor, HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostClaimAsync(string caseId, string taskId) => TryAsync(async () =>
    {
        await cases.ClaimAsync(Me, caseId, taskId, null, HttpContext.RequestAborted);
        return Redirect($"/cases/{caseId}/tasks/{taskId}");
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
