using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Audit;

public sealed class IndexModel(CaseService cases) : AppPage
{
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public string? NextCursor { get; private set; }

    public async Task OnGetAsync()
    {
        var page = await cases.ListAsync(Me, null, null, null, Cursor, HttpContext.RequestAborted);
        (Cases, NextCursor) = (page.Items, page.NextCursor);
    }
}
