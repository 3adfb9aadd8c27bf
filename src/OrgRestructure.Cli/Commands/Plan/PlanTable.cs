using OrgRestructure.Domain;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Planning;

namespace OrgRestructure.Cli.Commands.Plan;

/// <summary>The plan as a table a person reads: one line per district, its committees beneath.</summary>
internal static class PlanTable
{
    private const int NameWidth = 30;

    public static async Task WriteAsync(TextWriter output, RestructuringPlan plan, PublishedTotals? published)
    {
        var title = string.IsNullOrEmpty(plan.Province) ? "" : $" — {plan.Province}";
        await output.WriteLineAsync($"Phương án thành lập đảng bộ cơ sở / Grassroots committee plan{title}");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"Huyện / District",-NameWidth} {"Tổ chức trước / Before",22} {"Đảng bộ sau / After",20} {"Đảng viên / Members",20}");
        await output.WriteLineAsync(new string('-', NameWidth + 65));
        foreach (var district in plan.Districts)
        {
            await output.WriteLineAsync($"{district.District,-NameWidth} {district.OrganizationsBefore,22} {district.CommitteesAfter,20} {district.Members,20}");
            foreach (var committee in district.Committees)
            {
                var blocs = string.Join(" + ", committee.Blocs.Select(b => Labels.Of(b).Vi));
                await output.WriteLineAsync(
                    $"    {committee.Name}: {committee.SourceOrganizations.Count} tổ chức / organizations, {committee.Members} đảng viên / members ({blocs})");
            }

            if (district.Flag is { } flag)
            {
                await output.WriteLineAsync($"    ! {flag.Reason.Vi} / {flag.Reason.En}");
            }
        }

        var t = plan.Totals;
        await output.WriteLineAsync(new string('-', NameWidth + 65));
        await output.WriteLineAsync($"{$"Tổng / Total ({t.Districts})",-NameWidth} {t.OrganizationsBefore,22} {t.CommitteesAfter,20} {t.Members,20}");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Tổ chức cơ sở đảng trước → đảng bộ cơ sở sau / Organizations before → committees after: {t.OrganizationsBefore} → {t.CommitteesAfter}");
        await output.WriteLineAsync($"Huyện lập riêng khối Đảng và khối Mặt trận / Districts with separate party and front committees: {t.DistrictsWithSeparatePartyAndFrontCommittees}");
        await output.WriteLineAsync($"Huyện hợp nhất khối Đảng và khối Mặt trận / Districts combining party and front: {t.DistrictsCombiningPartyAndFront}");
        await output.WriteLineAsync($"Huyện có đảng bộ khối chính quyền / Districts with a government-bloc committee: {t.DistrictsWithGovernmentBlocCommittee}");
        await output.WriteLineAsync($"Huyện cần tỉnh quyết định / Districts flagged for the province: {t.FlaggedDistricts}");
        if (published is not null)
        {
            var differences = plan.CompareWith(published);
            await output.WriteLineAsync(differences.Count == 0
                ? "Khớp với số liệu đã công bố / Matches the published totals"
                : "Khác số liệu đã công bố / Differs from the published totals: " + string.Join("; ", differences.Select(d => $"{d.Vi} / {d.En}")));
        }
    }
}
