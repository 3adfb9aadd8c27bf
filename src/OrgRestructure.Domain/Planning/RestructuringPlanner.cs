using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Planning;

/// <summary>
/// Turns a survey into the grassroots committees to form, per district (threshold T, default 30):
/// 1. a bloc with at least T members forms its own committee;
/// 2. the party-agencies and front blocs combine into one when either has fewer than T;
/// 3. a group still under T joins the district's largest group (by members, ties by bloc order);
/// 4. a district under T in total forms none and is flagged for the province to decide.
/// </summary>
public static class RestructuringPlanner
{
    public static RestructuringPlan Plan(Survey survey, RuleParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var districts = survey.Districts.Select(d => PlanDistrict(d, parameters)).ToList();
        var totals = new PlanTotals(
            districts.Count,
            districts.Sum(d => d.OrganizationsBefore),
            districts.Sum(d => d.CommitteesAfter),
            districts.Sum(d => d.Members),
            districts.Count(d => d.SeparatesPartyAndFront),
            districts.Count(d => d.CombinesPartyAndFront),
            districts.Count(d => d.HasGovernmentBlocCommittee),
            districts.Count(d => d.Flag is not null));
        return new RestructuringPlan(survey.Province, districts, totals);
    }

    public static DistrictPlan PlanDistrict(District district, RuleParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(district);
        var threshold = (parameters ?? RuleParameters.Default).GrassrootsCommitteeThreshold;
        var explanations = new List<BilingualText>();
        DistrictPlan Result(IReadOnlyList<ProposedCommittee> committees, PlanFlag? flag) =>
            new(district.Name, district.Kind, district.Organizations.Count, district.Members, committees, flag, explanations);

        if (district.Members < threshold)
        {
            var reason = new BilingualText(
                $"Tổng số {district.Members} đảng viên < {threshold} → không lập đảng bộ cơ sở; đề nghị Tỉnh ủy xem xét, quyết định",
                $"{district.Members} members in total < {threshold} → no grassroots committee formed; the province decides");
            explanations.Add(reason);
            return Result([], new PlanFlag(district.Name, PlanningRule.DistrictTooSmall, reason));
        }

        var groups = Enum.GetValues<Bloc>()
            .Select(b => new Group(district, b))
            .Where(g => g.Organizations.Count > 0)
            .ToList();
        foreach (var group in groups.Where(g => g.Members >= threshold))
        {
            var label = Labels.Of(group.Blocs[0]);
            explanations.Add(new BilingualText(
                $"{label.Vi}: {group.Members} đảng viên ≥ {threshold} → đủ lập đảng bộ cơ sở riêng",
                $"{label.En}: {group.Members} members ≥ {threshold} → may form its own committee"));
        }

        CombinePartyAndFront(groups, threshold, explanations);
        JoinSmallGroups(groups, threshold, explanations);

        var committees = groups.Select(g => g.ToCommittee(district, threshold)).ToList();
        return Result(committees, null);
    }

    /// <summary>Rule 2.</summary>
    private static void CombinePartyAndFront(List<Group> groups, int threshold, List<BilingualText> explanations)
    {
        var party = groups.FirstOrDefault(g => g.Blocs[0] == Bloc.PartyAgencies);
        var front = groups.FirstOrDefault(g => g.Blocs[0] == Bloc.FrontAndMassOrganizations);
        if (party is null || front is null || (party.Members >= threshold && front.Members >= threshold))
        {
            return;
        }

        explanations.Add(new BilingualText(
            $"{Labels.Of(Bloc.PartyAgencies).Vi} ({party.Members}) và {Labels.Of(Bloc.FrontAndMassOrganizations).Vi} ({front.Members}): có khối dưới {threshold} → hợp nhất thành một đảng bộ ({party.Members + front.Members} đảng viên)",
            $"{Labels.Of(Bloc.PartyAgencies).En} ({party.Members}) and {Labels.Of(Bloc.FrontAndMassOrganizations).En} ({front.Members}): one is under {threshold} → combined into one committee ({party.Members + front.Members} members)"));
        party.Absorb(front, PlanningRule.CombinedPartyAndFront);
        groups.Remove(front);
    }

    /// <summary>Rule 3: smallest first, each joins the largest other group, until none is under the threshold.</summary>
    private static void JoinSmallGroups(List<Group> groups, int threshold, List<BilingualText> explanations)
    {
        while (groups.Count > 1)
        {
            var small = groups.Where(g => g.Members < threshold).OrderBy(g => g.Members).ThenBy(g => g.Blocs[0]).FirstOrDefault();
            if (small is null)
            {
                return;
            }

            var largest = groups.Where(g => g != small).OrderByDescending(g => g.Members).ThenBy(g => g.Blocs[0]).First();
            explanations.Add(new BilingualText(
                $"{small.LabelVi} ({small.Members} < {threshold}) nhập vào nhóm lớn nhất {largest.LabelVi} ({largest.Members}) → {small.Members + largest.Members} đảng viên",
                $"{small.LabelEn} ({small.Members} < {threshold}) joins the largest group, {largest.LabelEn} ({largest.Members}) → {small.Members + largest.Members} members"));
            largest.Absorb(small, PlanningRule.JoinedLargestGroup);
            groups.Remove(small);
        }
    }

    /// <summary>Blocs being planned into one committee.</summary>
    private sealed class Group(District district, Bloc bloc)
    {
        public List<Bloc> Blocs { get; } = [bloc];

        public List<GrassrootsOrganization> Organizations { get; } = district.In(bloc).ToList();

        public List<PlanningRule> Rules { get; } = [];

        public int Members => Organizations.Sum(o => o.Members);

        public string LabelVi => string.Join(" + ", Blocs.Select(b => Labels.Of(b).Vi));

        public string LabelEn => string.Join(" + ", Blocs.Select(b => Labels.Of(b).En));

        public void Absorb(Group other, PlanningRule rule)
        {
            Blocs.AddRange(other.Blocs);
            Blocs.Sort();
            Organizations.AddRange(other.Organizations);
            Rules.AddRange(other.Rules.Where(r => !Rules.Contains(r)));
            if (!Rules.Contains(rule))
            {
                Rules.Add(rule);
            }
        }

        public ProposedCommittee ToCommittee(District district, int threshold)
        {
            var rules = Rules.Count == 0 ? [PlanningRule.OwnCommittee] : Rules.ToList();
            var name = CommitteeNames.Vi(district, Blocs);
            var basis = new BilingualText(
                $"{name}: {Organizations.Count} tổ chức, {Members} đảng viên ≥ {threshold} ({LabelVi})",
                $"{CommitteeNames.En(district, Blocs)}: {Organizations.Count} organizations, {Members} members ≥ {threshold} ({LabelEn})");
            return new ProposedCommittee(
                CommitteeNames.Id(district, Blocs), district.Name, Blocs.ToList(), Organizations.OrderBy(o => o.Bloc).ToList(), name, CommitteeNames.En(district, Blocs), rules, basis);
        }
    }
}
