using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrgRestructure.Domain.Communes;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Features.Cases;
using OrgRestructure.Server.Features.Shared;
using OrgRestructure.Workflows.Campaigns;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Campaigns;

/// <summary>What a national import read (and, unless checked only, launched).</summary>
public sealed record NationalImportView(int Provinces, int UnitsBefore, int UnitsAfter, int Communes, int Wards, int SpecialZones, bool Checked, LaunchResult? Launch);

/// <summary>
/// POST /api/campaigns/national[?province=NAME&amp;check=true] with the national plan file as the body:
/// the central organization board (or an administrator) launches the whole country or a province; a province board only its own province.
/// </summary>
public static class NationalCampaignEndpoints
{
    /// <summary>The national plan file is about 2.1 MB; room for the real one and a little more.</summary>
    public const long MaxPlanBytes = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapNationalCampaign(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/campaigns/national", ImportAsync).WithTags("Campaigns").RequireAuthorization().WithMetadata(new LargeBody(MaxPlanBytes));
        return app;
    }

    private static async Task<Ok<NationalImportView>> ImportAsync(HttpContext context, IWorkflowEngine engine, string? province, bool? check, CancellationToken ct)
    {
        var caller = context.User.Caller();
        if (caller.Role is not (Role.CentralOrganizationBoard or Role.Administrator or Role.ProvinceOrganizationBoard))
        {
            throw RequestRejectedException.Forbidden();
        }

        // A province board launches its own province only; the whole country is the central board's (and the administrator's).
        var nationwide = caller.Role is Role.CentralOrganizationBoard or Role.Administrator;
        var scope = nationwide ? province?.Trim() : caller.Province;
        if (!nationwide && province is not null && province.Trim() != caller.Province)
        {
            throw RequestRejectedException.Forbidden();
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var read = NationalPlanReader.Read(await reader.ReadToEndAsync(ct));
        if (!read.IsSuccess)
        {
            throw ProblemRefusal.Of($"Kế hoạch không hợp lệ ({read.Problems.Count} lỗi): ", $"The plan is not valid ({read.Problems.Count} problems): ", read.Problems);
        }

        var plan = read.Value;
        if (scope is not null && plan.Provinces.All(p => p.Province != scope))
        {
            throw RequestRejectedException.Invalid(new Dictionary<string, string[]>
            {
                ["province"] = [$"Kế hoạch không có tỉnh {scope} / the plan has no province {scope}"],
            });
        }

        plan = plan.For(scope);
        var launch = check == true ? null : await new NationalCampaignLauncher(engine).LaunchAsync(plan, CaseService.ActorOf(caller), null, ct);
        return TypedResults.Ok(new NationalImportView(
            plan.Provinces.Count, plan.UnitsBefore, plan.UnitsAfter, plan.Count(UnitKind.Commune), plan.Count(UnitKind.Ward), plan.Count(UnitKind.SpecialZone), check == true, launch));
    }
}
