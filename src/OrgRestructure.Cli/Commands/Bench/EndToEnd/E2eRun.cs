using System.Diagnostics;
using System.Globalization;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.Composition;
using OrgRestructure.Messaging.Relay;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>One end-to-end run: seed the store, start the server on it (or attach to a running one), warm up, time the phases.</summary>
internal static class E2eRun
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private const int DeadlineScans = 40;
    private static readonly TimeSpan RelayCatchUpLimit = TimeSpan.FromMinutes(15);

    public static async Task<E2eReport> RunAsync(
        CliContext context, E2eOptions run, string serverDll, string surveyFile, string dataDirectory, string? postgres, TextWriter log, CancellationToken cancellationToken)
    {
        var loadAtStart = BenchReport.ReadLoadAverage();
        var survey = new DemoData(surveyFile).LoadSurvey() ?? throw new InvalidOperationException($"{surveyFile} is not an importable survey.");
        var seeding = Stopwatch.StartNew();
        var (cases, openTasks, deadlineScans) = run.Url is null
            ? await SeedAsync(context, run, survey, surveyFile, dataDirectory, postgres, log, cancellationToken)
            : (0, 0, new Dictionary<string, EndpointLatency>());
        var seedSeconds = seeding.Elapsed.TotalSeconds;
        if (run.Url is null)
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Seeded {cases:N0} cases, {openTasks:N0} open tasks in {seedSeconds:N1} s; starting the server ..."));
        }

        var starting = Stopwatch.StartNew();
        await using var server = run.Url is null
            ? await ServerProcess.StartAsync(serverDll, dataDirectory, postgres, cancellationToken)
            : await ServerProcess.AttachAsync(run.Url, cancellationToken);
        var startSeconds = starting.Elapsed.TotalSeconds;
        using var clients = new E2eClients(server.Address);
        var districtUsers = survey.Districts.Select(d => E2eClients.StandingCommitteeOf(d.Name)).ToList();
        await clients.SignInAsync([E2eClients.ProvinceBoard, .. districtUsers], cancellationToken);
        await clients.ImportSurveyAsync(surveyFile, cancellationToken);
        var catchUpSeconds = 0.0;
        if (run.Url is null)
        {
            catchUpSeconds = await WaitForRelayAsync(postgres, dataDirectory, log, cancellationToken);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The server published the seeded events (notifications) in {catchUpSeconds:N1} s; timing ..."));
        }

        await RunPhaseAsync(clients, "warm-up", run.Clients, 0, WarmUp, districtUsers, cancellationToken);
        var phases = new List<E2ePhase>();
        var cpuBefore = server.CpuSeconds;
        phases.Add(await RunPhaseAsync(clients, "reads", run.Clients, 0, run.Phase, districtUsers, cancellationToken));
        await log.WriteLineAsync("  phase reads done");
        var actors = Math.Min(run.Clients / 2, districtUsers.Count);
        phases.Add(await RunPhaseAsync(clients, "mixed", run.Clients - actors, actors, run.Phase, districtUsers, cancellationToken));
        await log.WriteLineAsync("  phase mixed done");
        var cpu = server.CpuSeconds - cpuBefore;
        return new E2eReport(
            DateTimeOffset.UtcNow, run.Url?.ToString() ?? run.Backend, Environment.ProcessorCount, loadAtStart, BenchReport.ReadLoadAverage(),
            cases, openTasks, seedSeconds, startSeconds, catchUpSeconds, deadlineScans, phases, cpu, server.ResidentMegabytes);
    }

    public static async Task WriteTableAsync(TextWriter output, E2eReport report)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{report.Backend}: {report.Cases:N0} cases, {report.OpenTasks:N0} open tasks; {report.ProcessorCount} cores, load {report.LoadAverageAtStart} at the start, {report.LoadAverageAtEnd} at the end"));
        await output.WriteLineAsync("phase  clients  endpoint     count   p50 ms   p95 ms   p99 ms   max ms");
        foreach (var phase in report.Phases)
        {
            foreach (var (endpoint, l) in phase.LatencyMs)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{phase.Name,-6} {phase.Readers,3}+{phase.Actors,-3}  {endpoint,-10} {l.Count,7} {l.P50,8:F1} {l.P95,8:F1} {l.P99,8:F1} {l.Max,8:F1}"));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{phase.Name,-6} actions/s {phase.ActionsPerSecond:N1}; errors: {(phase.Errors.Count == 0 ? "none" : string.Join(", ", phase.Errors.Select(e => $"{e.Key} x{e.Value}")))}"));
        }

        foreach (var (scan, l) in report.DeadlineScanMs)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"deadline scan, {scan}: p50 {l.P50:F1} ms, p95 {l.P95:F1} ms, max {l.Max:F1} ms (in the bench process, on the seeded store)"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"server: {report.ServerCpuSeconds:N1} CPU s over the two phases, {report.ServerResidentMegabytes:N0} MB resident; seeding {report.SeedSeconds:N0} s, start-up {report.ServerStartSeconds:N1} s, relay catch-up {report.RelayCatchUpSeconds:N1} s"));
    }

    /// <summary>
    /// Waits until the server's outbox relay has published every event of the log (the seeded
    /// campaign's task notifications): timed before that, every request would share the machine with
    /// a one-off catch-up of ~150,000 events. Returns how long the catch-up took.
    /// </summary>
    private static async Task<double> WaitForRelayAsync(string? postgres, string dataDirectory, TextWriter log, CancellationToken cancellationToken)
    {
        var store = EventStoreFactory.Create(postgres, Path.Combine(dataDirectory, "orgrestructure.db"));
        try
        {
            var clock = Stopwatch.StartNew();
            var reported = TimeSpan.Zero;
            while (clock.Elapsed < RelayCatchUpLimit)
            {
                await using (var connection = await store.OpenConnectionAsync(cancellationToken))
                await using (var lag = connection.CreateCommand("SELECT count(*) FROM events WHERE position > coalesce((SELECT position FROM messaging_checkpoints WHERE name = @name), 0)"))
                {
                    var behind = Convert.ToInt64(await lag.With("name", OutboxRelay.CheckpointName).ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                    if (behind == 0)
                    {
                        return clock.Elapsed.TotalSeconds;
                    }

                    if (clock.Elapsed - reported > TimeSpan.FromSeconds(15))
                    {
                        reported = clock.Elapsed;
                        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  the server's relay is {behind:N0} events behind"));
                    }
                }

                await Task.Delay(500, cancellationToken);
            }

            throw new InvalidOperationException($"The server's relay did not publish the seeded events within {RelayCatchUpLimit.TotalMinutes} minutes.");
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// The scheduler's question, timed on the seeded store: nothing due yet (every 30 s of a normal
    /// day) and, 40 days on, every bunched deadline due at once.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, EndpointLatency>> TimeDeadlineScansAsync(CaseReadModel index, CancellationToken cancellationToken)
    {
        var scans = new Dictionary<string, EndpointLatency>(StringComparer.Ordinal);
        foreach (var (name, at) in new[] { ("nothing due", DateTimeOffset.UtcNow), ("all due", DateTimeOffset.UtcNow.AddDays(40)) })
        {
            var timings = new List<double>();
            for (var i = 0; i < DeadlineScans; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await index.DueCaseIdsAsync(at, cancellationToken);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            scans[name] = EndpointLatency.From(timings.Skip(DeadlineScans / 4).ToList());
        }

        return scans;
    }

    private static async Task<(int Cases, int OpenTasks, IReadOnlyDictionary<string, EndpointLatency> DeadlineScans)> SeedAsync(
        CliContext context, E2eOptions run, Domain.Organizations.Survey survey, string surveyFile, string dataDirectory, string? postgres, TextWriter log, CancellationToken cancellationToken)
    {
        var options = new EventStoreOptions();
        options.InlineProjections.Add(new CaseReadModelProjection());
        var store = EventStoreFactory.Create(postgres, Path.Combine(dataDirectory, "orgrestructure.db"), options);
        try
        {
            await store.MigrateAsync(cancellationToken);
            var registry = WorkflowDefinitionRegistry.LoadFromDirectory(OrgRestructureComposition.WorkflowsDirectory(context.Settings));
            registry.Get(run.Definition);
            var seed = new CampaignSeed(new WorkflowEngine(store, registry, TimeProvider.System, null, new CaseReadModel(store)), run.Definition);
            var cases = CampaignSeed.SurveyDistricts(survey);
            if (run.National)
            {
                cases = cases.Concat(CampaignSeed.NationalUnits(Path.Combine(Path.GetDirectoryName(surveyFile)!, "vietnam-2025-communes.json")));
            }

            await seed.LaunchAsync(cases, postgres is null ? 1 : 8, n =>
            {
                if (n % 500 == 0)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n:N0} cases launched"));
                }
            }, cancellationToken);
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM open_tasks";
            var openTasks = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            // What autovacuum does a minute after a bulk load (and SQLite's ANALYZE keeps for its planner):
            // without statistics the planner does not know the read models' indexes are selective.
            await using (var analyze = connection.CreateCommand())
            {
                analyze.CommandText = "ANALYZE";
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            return (seed.Cases, openTasks, await TimeDeadlineScansAsync(new CaseReadModel(store), cancellationToken));
        }
        finally
        {
            (store as IDisposable)?.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<E2ePhase> RunPhaseAsync(
        E2eClients clients, string name, int readers, int actors, TimeSpan duration, List<string> districtUsers, CancellationToken cancellationToken)
    {
        var recorder = new PhaseRecorder();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable.Range(0, readers).Select(r => Task.Run(() => clients.ReadAsync(recorder, districtUsers, r, clock, duration, cancellationToken), cancellationToken))
                .Concat(Enumerable.Range(0, actors).Select(a => Task.Run(() => clients.ActAsync(recorder, districtUsers[a], clock, duration, cancellationToken), cancellationToken))));
        return recorder.Finish(name, readers, actors, clock.Elapsed.TotalSeconds);
    }
}
