using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Tasks;

public sealed class IndexModel(Inbox inbox, CaseService cases) : AppPage
{
    public IReadOnlyList<InboxItem> Mine { get; private set; } = [];

    public IReadOnlyList<InboxItem> Group { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var all = await inbox.ListAsync(Me, null, null, HttpContext.RequestAborted);
        Mine = [.. all.Where(i => i.Mine)];
        Group = [.. all.Where(i => !i.Mine)];
    }

    public Task<IActionResult> OnPostClaimAsync(string caseId, string taskId) => TryAsync(async () =>
    {
        await cases.ClaimAsync(Me, caseId, taskId, null, HttpContext.RequestAborted);
        return Redirect($"/cases/{caseId}/tasks/{taskId}");
    });

    protected override Task OnRefusedAsync() => OnGetAsync();
}
