using System.Diagnostics;
using System.Globalization;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.Composition;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.ReadModels;
using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>One end-to-end run: seed the store, start the server on it (or attach to a running one), warm up, time the phases (reads; then work: claim and complete, with readers and notification pollers).</summary>
internal static partial class E2eRun
{
    // Tiered compilation keeps re-compiling hot methods for tens of seconds after start (a fifth of
    // the server's CPU in the first half minute, profiled with perf): timed before that, a run measures the JIT.
    private static readonly TimeSpan DefaultWarmUp = TimeSpan.FromSeconds(20);
    private const int DeadlineScans = 40;

    public static async Task<E2eReport> RunAsync(
        CliContext context, E2eOptions run, string serverDll, string surveyFile, string dataDirectory, string? postgres, TextWriter log, CancellationToken cancellationToken)
    {
        var loadAtStart = BenchReport.ReadLoadAverage();
        var survey = new DemoData(surveyFile).LoadSurvey() ?? throw new InvalidOperationException($"{surveyFile} is not an importable survey.");
        var seeding = Stopwatch.StartNew();
        var names = survey.Districts.Select(d => d.Name).ToList();
        var (cases, openTasks, deadlineScans, workedDistricts) = run.Url is null
            ? await SeedAsync(context, run, survey, surveyFile, dataDirectory, postgres, names, log, cancellationToken)
            : (0, 0, new Dictionary<string, EndpointLatency>(), names);
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
        using var clients = new E2eClients(server.Address) { Think = run.Think };
        await clients.SignInAsync([E2eClients.ProvinceBoard, .. names.Union(workedDistricts, StringComparer.Ordinal).SelectMany(AccountsOf)], cancellationToken);
        await clients.ImportSurveyAsync(surveyFile, cancellationToken);
        // A server the bench did not start keeps its store to itself: no relay wait and no notification
        // lag or open-task count from the store then.
        var probe = run.Url is null ? new E2eStoreProbe(postgres, dataDirectory) : null;
        var catchUpSeconds = probe is null ? 0 : await probe.WaitForRelayAsync(log, cancellationToken);
        var consumerSeconds = probe is null ? 0 : await probe.WaitForConsumersAsync(log, cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The server published the seeded events in {catchUpSeconds:N1} s and its consumers (notifications) were done {consumerSeconds:N1} s later; timing ..."));

        var shares = E2eShare.Spread(workedDistricts, run.Clients);
        var feeds = shares.SelectMany(s => s.Districts).Distinct(StringComparer.Ordinal).SelectMany(AccountsOf).ToList();
        var pollers = Math.Clamp(run.Clients / 8, 1, feeds.Count);
        var work = new PhaseShape(shares, Math.Max(1, run.Clients / 4), [.. Enumerable.Range(0, pollers).Select(p => feeds.Where((_, i) => i % pollers == p).ToList())], names);
        var warmUp = run.WarmUp ?? DefaultWarmUp;
        if (warmUp > TimeSpan.Zero)
        {
            // National: the work phase's own shape, so the command path is compiled and tiered before it
            // is timed (a national unit holds work for both). Pilot: readers only — its districts hold a
            // few hundred completions in all, which workers would use up here.
            var shape = run.National && run.Url is null ? work : new PhaseShape([], run.Clients, [], names);
            await RunPhaseAsync(clients, "warm-up", shape, warmUp, new NotificationWatch(), cancellationToken);
        }


        var cpuBefore = server.CpuSeconds;
        var timed = Stopwatch.StartNew();
        var phases = new List<E2ePhase> { await RunPhaseAsync(clients, "reads", new PhaseShape([], run.Clients, [], names), run.Phase, new NotificationWatch(), cancellationToken) };
        await log.WriteLineAsync("  phase reads done");
        var from = probe is null ? 0 : await probe.LastPositionAsync(cancellationToken);
        var watch = new NotificationWatch();
        phases.Add(await RunPhaseAsync(clients, "work", work, run.Phase, watch, cancellationToken));
        var cpu = server.CpuSeconds - cpuBefore;
        var serverUse = new E2eServerUse(cpu, cpu / timed.Elapsed.TotalSeconds * 100, server.ResidentMegabytes);
        await log.WriteLineAsync("  phase work done");

        // The last completions' notices are stored once the relay has published their events and the
        // consumers are done: then one untimed look at every feed.
        if (probe is not null)
        {
            await probe.WaitForRelayAsync(log, cancellationToken);
            await probe.WaitForConsumersAsync(log, cancellationToken);
        }

        await clients.SweepAsync(watch, feeds, cancellationToken);
        var (stored, seen) = watch.Measure(probe is null ? [] : await probe.EventTimesAfterAsync(from, cancellationToken));
        var worked = phases[^1];
        return new E2eReport(
            DateTimeOffset.UtcNow, run.Url?.ToString() ?? run.Backend, run.National ? "national" : "pilot", run.Clients, worked.CompletionsPerSecond, worked.LatencyMs, stored, seen,
            openTasks, probe is null ? 0 : await probe.OpenTasksAsync(cancellationToken), cases, phases.Sum(p => p.Errors.Values.Sum()), phases.Sum(p => p.ConflictsRetried.Values.Sum()),
            Environment.ProcessorCount, loadAtStart, BenchReport.ReadLoadAverage(), serverUse, seedSeconds, startSeconds, catchUpSeconds, consumerSeconds, deadlineScans, phases,
            warmUp.TotalSeconds, run.Think.TotalMilliseconds);
    }

    /// <summary>A district's demo accounts the bench signs in as: its standing committee, organization board and inspection committee.</summary>
    private static IEnumerable<string> AccountsOf(string district) =>
        new[] { E2eClients.StandingCommittee, E2eClients.OrganizationBoard, E2eClients.InspectionCommittee }.Select(body => E2eClients.AccountOf(district, body));

    /// <summary>Who runs in a phase: the workers (each with its share of a district), the readers, the pollers' feeds.</summary>
    private sealed record PhaseShape(IReadOnlyList<E2eShare> Workers, int Readers, IReadOnlyList<List<string>> Feeds, IReadOnlyList<string> Districts);

    private static async Task<E2ePhase> RunPhaseAsync(E2eClients clients, string name, PhaseShape shape, TimeSpan duration, NotificationWatch watch, CancellationToken cancellationToken)
    {
        var recorder = new PhaseRecorder();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(
            shape.Workers.Select(w => Task.Run(() => clients.WorkAsync(recorder, w, clock, duration, cancellationToken), cancellationToken))
                .Concat(Enumerable.Range(0, shape.Readers).Select(r => Task.Run(() => clients.ReadAsync(recorder, shape.Districts, r, clock, duration, cancellationToken), cancellationToken)))
                .Concat(shape.Feeds.Select(f => Task.Run(() => clients.PollAsync(recorder, watch, f, clock, duration, cancellationToken), cancellationToken))));
        return recorder.Finish(name, shape.Workers.Count, shape.Readers, shape.Feeds.Count, clock.Elapsed.TotalSeconds);
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

    /// <summary>Seeds the store; returns, with the counts, the districts or units the workers work (national: units given accounts here).</summary>
    private static async Task<(int Cases, int OpenTasks, IReadOnlyDictionary<string, EndpointLatency> DeadlineScans, IReadOnlyList<string> Worked)> SeedAsync(
        CliContext context, E2eOptions run, Domain.Organizations.Survey survey, string surveyFile, string dataDirectory, string? postgres, IReadOnlyList<string> districts, TextWriter log, CancellationToken cancellationToken)
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
            IReadOnlyList<string> worked = districts;
            if (run.National)
            {
                var national = CampaignSeed.NationalUnits(Path.Combine(Path.GetDirectoryName(surveyFile)!, "vietnam-2025-communes.json")).ToList();
                cases = cases.Concat(national);
                var units = NationalWorkers.Pick(national.Select(u => (u.Province, u.Unit)), run.Clients * NationalWorkers.UnitsPerWorker, districts);
                await NationalWorkers.AddAccountsAsync(store, units, cancellationToken);
                worked = [.. units.Select(u => u.Unit)];
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

            return (seed.Cases, openTasks, await TimeDeadlineScansAsync(new CaseReadModel(store), cancellationToken), worked);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
