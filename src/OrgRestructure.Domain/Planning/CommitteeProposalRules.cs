using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Planning;

/// <summary>
/// A committee the province decides to form, possibly edited from the planner's proposal; a
/// committee under the threshold needs the higher committee's <paramref name="Consent"/>.
/// </summary>
public sealed record CommitteeProposal(
    string Id,
    string District,
    IReadOnlyList<Bloc> Blocs,
    IReadOnlyList<string> SourceOrganizationIds,
    WrittenConsent? Consent = null);

/// <summary>Checks committees against the survey before a case forms them, reporting every problem.</summary>
public static class CommitteeProposalRules
{
    public static CommitteeProposal ToProposal(this ProposedCommittee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return new CommitteeProposal(committee.Id, committee.District, committee.Blocs, committee.SourceOrganizationIds);
    }

    /// <summary>
    /// Refuses committees of an unknown district, organizations that are unknown, of another
    /// district or of a bloc the committee does not cover, organizations used twice, and
    /// committees under the threshold without recorded written consent.
    /// </summary>
    public static IReadOnlyList<Problem> Validate(Survey survey, IReadOnlyList<CommitteeProposal> proposals, RuleParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(proposals);
        var problems = new List<Problem>();
        var organizations = survey.Districts
            .SelectMany(d => d.Organizations.Select(o => (District: d.Name, Organization: o)))
            .ToDictionary(x => x.Organization.Id, StringComparer.Ordinal);
        var usedBy = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var id in proposals.GroupBy(p => p.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add(new Problem("duplicate-committee", id, "mã đảng bộ bị trùng", "committee id used twice"));
        }

        foreach (var proposal in proposals)
        {
            void Refuse(string code, string subject, string vi, string en) =>
                problems.Add(new Problem(code, subject, $"{proposal.Id}: {vi}", $"{proposal.Id}: {en}"));

            if (!survey.Districts.Any(d => d.Name == proposal.District))
            {
                Refuse("unknown-district", proposal.Id, $"huyện \"{proposal.District}\" không có trong khảo sát", $"district \"{proposal.District}\" is not in the survey");
            }

            if (proposal.SourceOrganizationIds.Count == 0)
            {
                Refuse("no-organizations", proposal.Id, "không có tổ chức nào", "has no organizations");
            }

            var members = 0;
            foreach (var id in proposal.SourceOrganizationIds)
            {
                if (!organizations.TryGetValue(id, out var found))
                {
                    Refuse("unknown-organization", id, "tổ chức không có trong khảo sát", "organization is not in the survey");
                    continue;
                }

                members += found.Organization.Members;
                if (found.District != proposal.District)
                {
                    Refuse("other-district", id, $"tổ chức thuộc huyện {found.District}, không thuộc {proposal.District}", $"organization belongs to {found.District}, not {proposal.District}");
                }

                if (!proposal.Blocs.Contains(found.Organization.Bloc))
                {
                    Refuse("other-bloc", id, $"tổ chức thuộc {Labels.Of(found.Organization.Bloc).Vi}, không thuộc các khối của đảng bộ", $"organization belongs to the {Labels.Of(found.Organization.Bloc).En}, not to the committee's blocs");
                }

                if (!usedBy.TryAdd(id, proposal.Id))
                {
                    Refuse("organization-reused", id, $"tổ chức đã thuộc {usedBy[id]}", $"organization already belongs to {usedBy[id]}");
                }
            }

            var size = MembershipRules.CheckNewCommittee(proposal.Id, members, proposal.Consent, parameters);
            if (!size.Allowed && proposal.SourceOrganizationIds.Count > 0)
            {
                problems.Add(new Problem(size.HasProblems ? size.Problems[0].Code : "under-threshold", proposal.Id, size.Explanation.Vi, size.Explanation.En));
            }
        }

        return problems;
    }
}
