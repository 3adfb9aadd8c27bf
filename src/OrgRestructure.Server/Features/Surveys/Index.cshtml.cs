using Microsoft.AspNetCore.Mvc;
using OrgRestructure.Hosting.Composition;
using OrgRestructure.Server.Features.Campaigns;
using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Features.Surveys;

public sealed class IndexModel(CampaignService campaigns, DemoData demo) : AppPage
{
    public CampaignState? Campaign { get; private set; }

    /// <summary>Districts that have a case, however it was launched.</summary>
    public IReadOnlySet<string> WithACase { get; private set; } = new HashSet<string>();

    public PlanView? Plan => Campaign?.Plan is { } plan ? PlanView.From(plan, Campaign.Survey?.PilotDistricts ?? []) : null;

    public bool DemoAvailable => demo.SurveyPath is not null;

    public async Task OnGetAsync()
    {
        Campaign = await campaigns.GetAsync(Me, HttpContext.RequestAborted);
        WithACase = await campaigns.DistrictsWithACaseAsync(Me, HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostUploadAsync(IFormFile? file) => TryAsync(async () =>
    {
        if (file is null || file.Length == 0)
        {
            throw new RequestRejectedException(400, "Chưa chọn tệp khảo sát.", "No survey file was chosen.");
        }

        using var reader = new StreamReader(file.OpenReadStream());
        return await ImportAsync(await reader.ReadToEndAsync(HttpContext.RequestAborted), file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "json");
    });

    public Task<IActionResult> OnPostDemoAsync() => TryAsync(async () =>
        await ImportAsync(await System.IO.File.ReadAllTextAsync(demo.SurveyPath!, HttpContext.RequestAborted), "json"));

    public Task<IActionResult> OnPostPilotAsync(string[]? districts) => TryAsync(async () =>
    {
        var state = await campaigns.LaunchAsync(Me, districts ?? [], null, HttpContext.RequestAborted);
        var last = state.Launches[^1];
        Flash($"Đã khởi động {last.Districts.Count} huyện: {string.Join(", ", last.Districts)}", $"Launched {last.Districts.Count} districts: {string.Join(", ", last.Districts)}");
        return RedirectToPage();
    });

    public Task<IActionResult> OnPostRolloutAsync() => TryAsync(async () =>
    {
        var state = await campaigns.LaunchAsync(Me, null, null, HttpContext.RequestAborted);
        Flash($"Đã triển khai cho {state.Launches[^1].Districts.Count} huyện còn lại", $"Rolled out to {state.Launches[^1].Districts.Count} more districts");
        return RedirectToPage();
    });

    protected override async Task OnRefusedAsync() => await OnGetAsync();

    private async Task<IActionResult> ImportAsync(string content, string format)
    {
        var totals = (await campaigns.ImportAsync(Me, content, format, null, HttpContext.RequestAborted)).Plan!.Totals;
        Flash($"Đã nhập khảo sát: {totals.OrganizationsBefore} tổ chức → {totals.CommitteesAfter} đảng bộ cơ sở", $"Survey imported: {totals.OrganizationsBefore} organizations → {totals.CommitteesAfter} committees");
        return RedirectToPage();
    }
}
