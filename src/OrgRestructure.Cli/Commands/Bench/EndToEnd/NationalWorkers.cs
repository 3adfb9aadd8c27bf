using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// Who works national cases in the bench: <see cref="UnitsPerWorker"/> units per worker, spread over the provinces, each given
/// the three accounts a district's case asks for (standing committee, organization board, inspection
/// committee) with the demo password. The pilot's 18 districts hold only a few hundred completions,
/// which 8 workers use up in seconds; a national unit holds a hundred or more tasks, so the work
/// phase (and its warm-up) times completions for as long as it runs, on cases of the national store.
/// </summary>
internal static class NationalWorkers
{
    /// <summary>Units per worker: enough work for a 20 s warm-up and a 10 s work phase at ~20 completions/s.</summary>
    public const int UnitsPerWorker = 6;

    private static readonly (string Body, string Role, string Title)[] Bodies =
    [
        (E2eClients.StandingCommittee, "DistrictStandingCommittee", "Ban Thường vụ"),
        (E2eClients.OrganizationBoard, "DistrictOrganizationBoard", "Ban Tổ chức"),
        (E2eClients.InspectionCommittee, "InspectionCommittee", "UBKT"),
    ];

    /// <summary><paramref name="count"/> units, one province after another, whose account names are unique (and unlike <paramref name="taken"/>).</summary>
    public static IReadOnlyList<(string Province, string Unit)> Pick(IEnumerable<(string Province, string Unit)> units, int count, IEnumerable<string> taken)
    {
        var names = new HashSet<string>(taken.Select(Key), StringComparer.Ordinal);
        var byProvince = units.GroupBy(u => u.Province, StringComparer.Ordinal).Select(g => new Queue<(string Province, string Unit)>(g)).ToList();
        var picked = new List<(string Province, string Unit)>();
        while (picked.Count < count && byProvince.Any(q => q.Count > 0))
        {
            foreach (var queue in byProvince.Where(q => q.Count > 0))
            {
                var unit = queue.Dequeue();
                if (picked.Count < count && names.Add(Key(unit.Unit)))
                {
                    picked.Add(unit);
                }
            }
        }

        return picked;
    }

    public static async Task AddAccountsAsync(IRelationalEventStore store, IReadOnlyList<(string Province, string Unit)> units, CancellationToken cancellationToken)
    {
        using var database = new SharedStateDatabase(store);
        var accounts = new AccountStore(database, TimeProvider.System);
        var hash = accounts.HashPassword(E2eClients.DemoPassword);
        await accounts.AddAsync(
            units.SelectMany(u => Bodies.Select(b => Account.Create(E2eClients.AccountOf(u.Unit, b.Body), $"{b.Title} {u.Unit}", b.Role, u.Province, u.Unit, hash))),
            cancellationToken);
    }

    private static string Key(string unit) => E2eClients.AccountOf(unit, string.Empty);
}
