using System.Globalization;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

internal static partial class E2eRun
{
    /// <summary>The report as a table on the terminal (the same figures as --json, fewer details).</summary>
    public static async Task WriteTableAsync(TextWriter output, E2eReport report)
    {
        string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        await output.WriteLineAsync();
        await output.WriteLineAsync(Line($"{report.Backend}, {report.Scale}: {report.Cases:N0} cases, {report.OpenTasks:N0} open tasks at the start, {report.OpenTasksAtEnd:N0} at the end; {report.ProcessorCount} cores, load {report.LoadAverageAtStart} at the start, {report.LoadAverageAtEnd} at the end; warm-up {report.WarmUpSeconds:N0} s, think time {report.ThinkMs:N0} ms"));
        await output.WriteLineAsync("phase  workers+readers+pollers  endpoint          count   p50 ms   p95 ms   p99 ms   max ms");
        foreach (var phase in report.Phases)
        {
            foreach (var (endpoint, l) in phase.LatencyMs)
            {
                await output.WriteLineAsync(Line($"{phase.Name,-6} {phase.Workers,7}+{phase.Readers}+{phase.Pollers,-13} {endpoint,-15} {l.Count,7} {l.P50,8:F1} {l.P95,8:F1} {l.P99,8:F1} {l.Max,8:F1}"));
            }

            var errors = phase.Errors.Count == 0 ? "none" : string.Join(", ", phase.Errors.Select(e => $"{e.Key} x{e.Value}"));
            var conflicts = phase.ConflictsRetried.Count == 0 ? "none" : string.Join(", ", phase.ConflictsRetried.Select(e => $"{e.Key} x{e.Value}"));
            await output.WriteLineAsync(Line($"{phase.Name,-6} {phase.Completions:N0} completions ({phase.CompletionsPerSecond:N1}/s), {phase.WorkersOutOfWork:N0} workers out of work (their district's case completed); sent again (case changed first): {conflicts}; errors: {errors}"));
        }

        foreach (var (name, lag) in new[] { ("stored", report.NotificationLagMs), ("seen by a poll", report.NotificationSeenLagMs) })
        {
            await output.WriteLineAsync(Line($"notification lag, event committed → notice {name}: {lag.Count:N0} notices, p50 {lag.P50:F1} ms, p99 {lag.P99:F1} ms, max {lag.Max:F1} ms"));
        }

        foreach (var (scan, l) in report.DeadlineScanMs)
        {
            await output.WriteLineAsync(Line($"deadline scan, {scan}: p50 {l.P50:F1} ms, p95 {l.P95:F1} ms, max {l.Max:F1} ms (in the bench process, on the seeded store)"));
        }

        await output.WriteLineAsync(Line(
            $"server: {report.Server.CpuSeconds:N1} CPU s over the timed phases ({report.Server.CpuPercentOfOneCore:N0}% of one core), {report.Server.ResidentMegabytes:N0} MB resident; seeding {report.SeedSeconds:N0} s, start-up {report.ServerStartSeconds:N1} s, relay catch-up {report.RelayCatchUpSeconds:N1} s, consumers done {report.ConsumerCatchUpSeconds:N1} s later"));
    }
}
