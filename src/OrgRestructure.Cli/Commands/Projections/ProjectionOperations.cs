using System.Diagnostics;
using System.Globalization;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Workflows.ReadModels;

namespace OrgRestructure.Cli.Commands.Projections;

/// <summary>
/// What "projections rebuild" and "projections status" do, apart from parsing the command line.
/// </summary>
internal sealed class ProjectionOperations(IRelationalEventStore store, TextWriter output)
{
    /// <summary>The projections this build keeps, by name.</summary>
    public static IReadOnlyList<string> Names { get; } = [CaseReadModelProjection.Name];

    /// <summary>
    /// Rebuilds the named projection (all when null) from the event log in one transaction: readers
    /// see the old rows until it commits, and appends wait for it (they write the same rows).
    /// </summary>
    public async Task<RebuildResult> RebuildAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is not null && !Names.Contains(name))
        {
            throw new ArgumentException($"Unknown projection '{name}' (known: {string.Join(", ", Names)}). / Không có phép chiếu '{name}'.", nameof(name));
        }

        var clock = Stopwatch.StartNew();
        var total = await EventCountAsync(cancellationToken);
        var result = await CliProgress.RunAsync(output, CaseReadModelProjection.Name, total, async progress =>
        {
            await using var scope = await store.BeginWriteAsync(cancellationToken);
            var rebuilt = await CaseReadModelProjection.RebuildAsync(scope, new SyncProgress(progress.Set), cancellationToken);
            await scope.CommitAsync(cancellationToken);
            progress.Set(total);
            return rebuilt;
        }, plainShares: true);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{CaseReadModelProjection.Name} rebuilt from {result.Events:N0} events: {result.Cases:N0} cases, {result.OpenTasks:N0} open tasks in {clock.Elapsed.TotalSeconds:F1} s. / Đã dựng lại."));
        return result;
    }

    private async Task<long> EventCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT count(*) FROM events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Each projection's position against the log's, and the events it has not folded yet.</summary>
    public async Task<IReadOnlyList<ReadModelStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var inline = await new CaseReadModel(store).StatusAsync(cancellationToken);
        var all = new List<ReadModelStatus> { inline };
        all.AddRange(await CheckpointsAsync(cancellationToken));
        await output.WriteLineAsync($"{"projection",-22} {"kind",-7} {"rows",12} {"position",20} {"log",20} {"lag",8}");
        foreach (var s in all)
        {
            var kind = s.Name == CaseReadModelProjection.Name ? "inline" : "async";
            var rows = kind == "inline" ? string.Create(CultureInfo.InvariantCulture, $"{s.Cases:N0}+{s.OpenTasks:N0}") : "-";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Name,-22} {kind,-7} {rows,12} {s.Position,20} {s.LogPosition,20} {s.Lag,8:N0}"));
        }

        return all;
    }

    private async Task<IReadOnlyList<ReadModelStatus>> CheckpointsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(
            "SELECT name, position, (SELECT coalesce(max(position), 0) FROM events), (SELECT count(*) FROM events e WHERE e.position > c.position) FROM projection_checkpoints c ORDER BY name");
        var rows = new List<ReadModelStatus>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReadModelStatus(reader.GetString(0), 0, 0, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return rows;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and print late).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
