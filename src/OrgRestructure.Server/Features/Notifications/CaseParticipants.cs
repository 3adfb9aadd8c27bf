using System.Text.Json.Nodes;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Notifications;

/// <summary>
/// Someone a case's data names (<see cref="PersonName"/> set: a candidate, a nominee, an appointee)
/// or a body of people it only counts (an organization's members, its committee), addressed as one.
/// </summary>
public sealed record CaseParticipant(string Id, string DisplayName, string? PersonName, bool Collective);

/// <summary>
/// The groups of a case that no account role covers, read from the case's own data per new
/// committee (one ForEach branch each: its input item and what its steps produced):
/// <list type="bullet">
/// <item>party-member — the members of the future committee: the named ones (the slate's
/// candidates, the bloc conference's nominees, the appointees) and, collectively, the members of
/// each organization it is formed from;</item>
/// <item>bloc-cell-leader — the committees (secretary, deputies, members) of the bloc's current
/// organizations, i.e. those the new committee is formed from;</item>
/// <item>appointee — the appointees once decided, before that the candidates who passed vetting;</item>
/// <item>new-executive-committee — the decision's appointees.</item>
/// </list>
/// Neither the case nor the survey it was planned from names individual members or cell leaders
/// (only organizations with member counts), so those are addressed per organization.
/// </summary>
public static class CaseParticipants
{
    public const string PartyMembers = "party-member";
    public const string NewExecutiveCommittee = "new-executive-committee";

    /// <summary>Named by a definition's step notice ("notify") for the bloc conference.</summary>
    public const string BlocCellLeaders = "bloc-cell-leader";

    /// <summary>Named by a definition's step notice ("notify") for the standing committee's decision.</summary>
    public const string Appointees = "appointee";

    public static bool IsCaseGroup(string group) =>
        group is PartyMembers or NewExecutiveCommittee or BlocCellLeaders or Appointees;

    /// <summary>
    /// The members of <paramref name="group"/> in <paramref name="scope"/>, a committee (its branch
    /// id, label or input id; null or unknown = every committee of the case), named with
    /// <paramref name="organizationName"/> (from the survey; null when unknown).
    /// </summary>
    public static IReadOnlyList<CaseParticipant> Of(CaseState state, string group, string? scope, Func<string, string?> organizationName)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(organizationName);
        var result = new List<CaseParticipant>();
        foreach (var branch in Committees(state, scope))
        {
            var committee = branch.Item?["id"]?.ToString() ?? branch.Id;
            var organizations = Strings(branch.Item?["organizations"]);
            var appointed = Names(branch, "appointees");
            IEnumerable<CaseParticipant> members = group switch
            {
                PartyMembers => [
                    .. People(committee, [.. Names(branch, "candidates"), .. Strings(branch, "nominated"), .. appointed]),
                    .. organizations.Select(o => Organization(o, "members", "đảng viên", organizationName))],
                BlocCellLeaders => organizations.Select(o => Organization(o, "committee", "cấp ủy", organizationName)),
                Appointees => People(committee, appointed.Count > 0 ? appointed : Strings(branch, "approved")),
                NewExecutiveCommittee => People(committee, appointed),
                _ => [],
            };
            result.AddRange(members);
        }

        return [.. result.DistinctBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>The id of a person without an account, unique per committee (two committees may have namesakes).</summary>
    public static string PersonId(string committee, string name) => $"person:{committee}:{name}";

    private static List<BranchState> Committees(CaseState state, string? scope)
    {
        var committees = state.Branches.Values.Where(b => b.ForEachStepId is not null && b.Status != BranchStatus.Cancelled).ToList();
        var scoped = committees.Where(b => scope is not null && (b.Id == scope || b.Label == scope || b.Item?["id"]?.ToString() == scope)).ToList();
        return scoped.Count > 0 ? scoped : committees;
    }

    private static IEnumerable<CaseParticipant> People(string committee, IEnumerable<string> names) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal)
            .Select(n => new CaseParticipant(PersonId(committee, n), n, n, false));

    private static CaseParticipant Organization(string id, string body, string label, Func<string, string?> name) =>
        new($"org:{id}:{body}", $"{label} {name(id) ?? id}", null, true);

    /// <summary>Names in lists of objects with a "name" that some step produced (the slate's "candidates", the decision's "appointees").</summary>
    private static List<string> Names(BranchState branch, string list) =>
        [.. branch.Outputs.Select(o => o.Value?[list]).OfType<JsonArray>()
            .SelectMany(a => a.OfType<JsonObject>())
            .Select(x => x["name"]?.ToString())
            .OfType<string>()];

    /// <summary>Lists of names some step produced (the bloc conference's "nominated", the vetting's "approved").</summary>
    private static List<string> Strings(BranchState branch, string list) =>
        [.. branch.Outputs.SelectMany(o => Strings(o.Value?[list]))];

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.OfType<JsonValue>().Select(v => v.ToString()) : [];
}
