using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;

namespace OrgRestructure.Domain.Rules;

public sealed record MinimumMembersOutcome(
    bool Meets, string Organization, int FullMembers, int Minimum, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems);

public sealed record OrganizationKindOutcome(
    OrganizationKind Kind, string Organization, int Members, int Threshold, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems);

/// <summary>The higher committee's written consent to form a grassroots committee below the threshold.</summary>
public sealed record WrittenConsent(string GivenBy, string Reason);

public sealed record NewCommitteeOutcome(
    bool Allowed, bool ByConsent, string Committee, int Members, int Threshold, BilingualText Explanation, IReadOnlyList<Problem> Problems)
    : RuleOutcome(Explanation, Problems);

/// <summary>Charter Art. 21: at least 3 full members; 30 or more members make a grassroots committee.</summary>
public static class MembershipRules
{
    public static MinimumMembersOutcome CheckMinimumMembers(string organization, int fullMembers, RuleParameters? parameters = null)
    {
        var minimum = (parameters ?? RuleParameters.Default).MinimumFullMembers;
        var check = new InputCheck(organization).NonNegative(new Quantity("số đảng viên chính thức", "full members", fullMembers));
        if (check.Failed)
        {
            return new MinimumMembersOutcome(false, organization, fullMembers, minimum, check.Refusal(), check.Problems);
        }

        var meets = fullMembers >= minimum;
        var explanation = meets
            ? new BilingualText(
                $"{organization}: {fullMembers} đảng viên chính thức ≥ {minimum} → đủ điều kiện",
                $"{organization}: {fullMembers} full members ≥ {minimum} → meets the minimum")
            : new BilingualText(
                $"{organization}: {fullMembers} đảng viên chính thức < {minimum} → không đủ để lập tổ chức đảng",
                $"{organization}: {fullMembers} full members < {minimum} → too few for a party organization");
        return new MinimumMembersOutcome(meets, organization, fullMembers, minimum, explanation, []);
    }

    /// <summary>Fewer than the threshold → grassroots cell; the threshold or more → grassroots committee.</summary>
    public static OrganizationKindOutcome Classify(string organization, int members, RuleParameters? parameters = null)
    {
        var threshold = (parameters ?? RuleParameters.Default).GrassrootsCommitteeThreshold;
        var check = new InputCheck(organization).NonNegative(new Quantity("số đảng viên", "members", members));
        if (check.Failed)
        {
            return new OrganizationKindOutcome(OrganizationKind.GrassrootsCell, organization, members, threshold, check.Refusal(), check.Problems);
        }

        var kind = members >= threshold ? OrganizationKind.GrassrootsCommittee : OrganizationKind.GrassrootsCell;
        var label = Labels.Of(kind);
        var sign = kind == OrganizationKind.GrassrootsCommittee ? "≥" : "<";
        var explanation = new BilingualText(
            $"{organization}: {members} đảng viên {sign} {threshold} → {label.Vi}",
            $"{organization}: {members} members {sign} {threshold} → {label.En}");
        return new OrganizationKindOutcome(kind, organization, members, threshold, explanation, []);
    }

    /// <summary>A new grassroots committee under the threshold needs the higher committee's recorded written consent.</summary>
    public static NewCommitteeOutcome CheckNewCommittee(string committee, int members, WrittenConsent? consent, RuleParameters? parameters = null)
    {
        var threshold = (parameters ?? RuleParameters.Default).GrassrootsCommitteeThreshold;
        var check = new InputCheck(committee).NonNegative(new Quantity("số đảng viên", "members", members));
        if (consent is not null && (string.IsNullOrWhiteSpace(consent.GivenBy) || string.IsNullOrWhiteSpace(consent.Reason)))
        {
            check.Add(
                "consent-incomplete",
                "văn bản đồng ý phải ghi rõ cấp ủy đồng ý và lý do",
                "the written consent must name the committee that gave it and the reason");
        }

        if (check.Failed)
        {
            return new NewCommitteeOutcome(false, false, committee, members, threshold, check.Refusal(), check.Problems);
        }

        if (members >= threshold)
        {
            return new NewCommitteeOutcome(true, false, committee, members, threshold, new BilingualText(
                $"{committee}: {members} đảng viên ≥ {threshold} → được lập đảng bộ cơ sở",
                $"{committee}: {members} members ≥ {threshold} → may form a grassroots party committee"), []);
        }

        return consent is null
            ? new NewCommitteeOutcome(false, false, committee, members, threshold, new BilingualText(
                $"{committee}: {members} đảng viên < {threshold} → không được lập đảng bộ cơ sở khi chưa có văn bản đồng ý của cấp ủy cấp trên",
                $"{committee}: {members} members < {threshold} → cannot form a grassroots party committee without the higher committee's written consent"), [])
            : new NewCommitteeOutcome(true, true, committee, members, threshold, new BilingualText(
                $"{committee}: {members} đảng viên < {threshold} → được lập đảng bộ cơ sở theo văn bản đồng ý của {consent.GivenBy}: {consent.Reason}",
                $"{committee}: {members} members < {threshold} → may form a grassroots party committee by written consent of {consent.GivenBy}: {consent.Reason}"), []);
    }
}
