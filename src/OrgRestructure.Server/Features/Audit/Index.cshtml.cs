using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Audit;

public sealed class IndexModel(CaseService cases) : AppPage
{
    public IReadOnlyList<CaseView> Cases { get; private set; } = [];

    public async Task OnGetAsync() => Cases = [.. (await cases.ListAsync(Me, HttpContext.RequestAborted)).OrderBy(c => c.CaseId, StringComparer.Ordinal)];
}
