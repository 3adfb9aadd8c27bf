using System.Data.Common;
using System.Globalization;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Workflows.ReadModels;

/// <summary>One province of a campaign: its units (cases not cancelled), those whose committee is formed (case completed), and those overdue now.</summary>
public sealed record ProvinceProgressRow(string Province, int Units, int Formed, int Overdue);

/// <summary>
/// A campaign's progress, counted by the database over <c>case_summaries</c>: the campaign is the
/// cases of the given definitions (every version of the procedures that serve its plan). No case
/// is read or folded here.
/// </summary>
public sealed class CampaignProgressReadModel(IRelationalEventStore store)
{
    private const string Live = "status <> 'Cancelled'";

    /// <summary>Per province (one province, or all when <paramref name="province"/> is null).</summary>
    public async Task<IReadOnlyList<ProvinceProgressRow>> ByProvinceAsync(IReadOnlyCollection<string> definitionIds, string? province, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(string.Empty);
        command.CommandText =
            "SELECT province, count(*), sum(CASE WHEN status = 'Completed' THEN 1 ELSE 0 END), " +
            "sum(CASE WHEN open_tasks > 0 AND (missed_tasks > 0 OR due_at < @now) THEN 1 ELSE 0 END) " +
            $"FROM case_summaries WHERE {Where(command, definitionIds, province)} GROUP BY province ORDER BY province";
        command.With("now", now.ToUnixTimeMilliseconds());
        return await CaseReadModelSql.ReadListAsync(command, r => new ProvinceProgressRow(r.GetString(0), Int(r, 1), Int(r, 2), Int(r, 3)), cancellationToken);
    }

    /// <summary>A province's units per case status.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ByStatusAsync(IReadOnlyCollection<string> definitionIds, string province, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(string.Empty);
        command.CommandText = $"SELECT status, count(*) FROM case_summaries WHERE {Where(command, definitionIds, province)} GROUP BY status";
        var rows = await CaseReadModelSql.ReadListAsync(command, r => (r.GetString(0), Int(r, 1)), cancellationToken);
        return rows.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
    }

    /// <summary>A page of a province's unit cases by unit (the case's district column), keyset-paged.</summary>
    public async Task<Page<CaseSummaryRow>> UnitsAsync(IReadOnlyCollection<string> definitionIds, string province, int? limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var take = PageCursor.Limit(limit);
        var after = PageCursor.Decode(cursor, 2);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(string.Empty);
        var where = Where(command, definitionIds, province);
        if (after is not null)
        {
            where += " AND (district > @k0 OR (district = @k0 AND case_id > @k1))";
            command.With("k0", after[0]).With("k1", after[1]);
        }

        command.CommandText = $"SELECT {CaseReadModelSql.SummaryColumns} FROM case_summaries WHERE {where} ORDER BY district, case_id LIMIT @limit";
        var rows = await CaseReadModelSql.ReadListAsync(command.With("limit", take + 1), CaseReadModelSql.ReadSummary, cancellationToken);
        return rows.Count > take
            ? new Page<CaseSummaryRow>(rows.Take(take).ToList(), PageCursor.Encode(rows[take - 1].District, rows[take - 1].CaseId))
            : new Page<CaseSummaryRow>(rows, null);
    }

    private static string Where(DbCommand command, IReadOnlyCollection<string> definitionIds, string? province)
    {
        if (definitionIds.Count == 0)
        {
            return "1 = 0";
        }

        var names = definitionIds.Select((id, i) =>
        {
            command.With("d" + i.ToString(CultureInfo.InvariantCulture), id);
            return "@d" + i.ToString(CultureInfo.InvariantCulture);
        }).ToList();
        var where = $"definition_id IN ({string.Join(", ", names)}) AND {Live}";
        if (province is not null)
        {
            where += " AND province = @province";
            command.With("province", province);
        }

        return where;
    }

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
}
