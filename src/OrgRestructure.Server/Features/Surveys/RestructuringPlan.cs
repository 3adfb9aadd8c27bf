using OrgRestructure.Server.Features.Cases;

namespace OrgRestructure.Server.Features.Surveys;

/// <summary>A flag the province board must look at before launching (bilingual).</summary>
public sealed record PlanFlag(string District, string MessageVi, string MessageEn);

public sealed record DistrictPlan(string District, int OrganizationsBefore, int Members, IReadOnlyList<CommitteePlan> Committees);

public sealed record RestructuringPlan(string Province, int OrganizationsBefore, int CommitteesAfter, IReadOnlyList<DistrictPlan> Districts, IReadOnlyList<PlanFlag> Flags, IReadOnlyList<string> PilotDistricts)
{
    public const int CommitteeThreshold = 30;

    /// <summary>
    /// Guidance 38-HD/BTCTW as domain.md states it: a bloc with 30 or more members gets its own
    /// đảng bộ cơ sở; the party-agencies and front blocs combine when either is smaller; a combined
    /// committee still under 30 is flagged as needing the higher committee's written exception.
    /// </summary>
    public static RestructuringPlan From(Survey survey)
    {
        var flags = new List<PlanFlag>();
        var districts = new List<DistrictPlan>();
        foreach (var d in survey.Districts ?? [])
        {
            var name = d.District ?? string.Empty;
            int Members(string bloc) => d.Blocs?.Where(b => b.Bloc == bloc).SelectMany(b => b.Organizations ?? []).Sum(o => o.Members ?? 0) ?? 0;
            int Orgs(string bloc) => d.Blocs?.Where(b => b.Bloc == bloc).Sum(b => b.Organizations?.Count ?? 0) ?? 0;
            var (party, front, gov) = (Members("party-agencies"), Members("front-and-mass-organizations"), Members("government"));
            var committees = new List<CommitteePlan>();
            if (party >= CommitteeThreshold && front >= CommitteeThreshold)
            {
                committees.Add(new CommitteePlan($"Đảng bộ Khối Đảng {name}", "party-agencies", Orgs("party-agencies"), party, false));
                committees.Add(new CommitteePlan($"Đảng bộ Khối Mặt trận - Đoàn thể {name}", "front-and-mass-organizations", Orgs("front-and-mass-organizations"), front, false));
            }
            else
            {
                var combined = party + front;
                committees.Add(new CommitteePlan($"Đảng bộ Khối Đảng - Mặt trận {name}", "party-agencies+front-and-mass-organizations", Orgs("party-agencies") + Orgs("front-and-mass-organizations"), combined, combined < CommitteeThreshold));
            }

            committees.Add(new CommitteePlan($"Đảng bộ Khối Chính quyền {name}", "government", Orgs("government"), gov, gov < CommitteeThreshold));
            foreach (var c in committees.Where(c => c.NeedsException))
            {
                flags.Add(new PlanFlag(name, $"{c.Name}: {c.Members} đảng viên < 30 — cần văn bản đồng ý của cấp trên", $"{c.Name}: {c.Members} members < 30 — needs the higher committee's written consent"));
            }

            foreach (var org in d.Blocs?.SelectMany(b => b.Organizations ?? []).Where(o => o.Members < 3) ?? [])
            {
                flags.Add(new PlanFlag(name, $"{org.Name}: chỉ {org.Members} đảng viên chính thức (< 3)", $"{org.Name}: only {org.Members} full members (< 3)"));
            }

            districts.Add(new DistrictPlan(name, Orgs("party-agencies") + Orgs("front-and-mass-organizations") + Orgs("government"), party + front + gov, committees));
        }

        return new RestructuringPlan(
            survey.Province ?? string.Empty,
            districts.Sum(d => d.OrganizationsBefore),
            districts.Sum(d => d.Committees.Count),
            districts,
            flags,
            survey.PilotDistricts ?? []);
    }
}
