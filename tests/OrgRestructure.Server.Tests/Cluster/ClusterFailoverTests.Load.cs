using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Cluster;

/// <summary>
/// The fault test under load: the province rolls the campaign out to every district, then 32 clients
/// each walk one committee's branch through every step (claim, then complete with the step's form)
/// through HAProxy, as that district's people, and the node leading the outbox relay is killed with
/// SIGKILL once a third of the completions are in. The run ends when every client has finished its
/// branch; the figures are printed (docs/operations.md keeps a run's).
/// </summary>
public sealed partial class ClusterFailoverTests
{
    private const int Clients = 32;

    [Fact]
    public async Task thirty_two_clients_completing_tasks_lose_nothing_when_the_leading_node_is_killed_mid_run()
    {
        var figures = new LoadFigures();
        using var http = fixture.Anonymous();
        http.Timeout = TimeSpan.FromSeconds(30);
        var client = new RetryingClient(http, figures);
        var province = (await fixture.SignInAsync("tinh.bantochuc")).Token;
        var (rolledOut, campaign) = await client.SendAsync(province, HttpMethod.Post, "/api/campaigns/current/rollout", null, "load-rollout");
        Assert.True(rolledOut == HttpStatusCode.OK, $"rollout: {(int)rolledOut} {campaign}");
        var branches = await BranchesToWalkAsync(client, province);
        var tokens = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            branches.SelectMany(b => Scenario.Steps.Select(s => Scenario.ActorFor(s, b.District))).Append("auditor").Distinct(),
            async (account, _) => tokens[account] = (await fixture.SignInAsync(account)).Token);

        var acknowledged = new ConcurrentBag<Completion>();
        var run = Stopwatch.StartNew();
        var clients = Task.WhenAll(branches.Select(b => Task.Run(() => WalkBranchAsync(client, tokens, b, acknowledged))));
        var failover = await KillTheLeaderAsync(() => acknowledged.Count, Clients * Scenario.Steps.Length / 3, clients);
        await clients;
        run.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Clients} clients on {branches.Select(b => b.CaseId).Distinct().Count()} cases: {acknowledged.Count} completions acknowledged in {run.Elapsed.TotalSeconds:F1} s; " +
            $"{figures.Requests} requests sent, {figures.Retries} retried, {figures.Unanswered} unanswered; failed attempts: {figures.ErrorsText}; " +
            $"{failover.Killed} (relay leader) killed after {failover.AcknowledgedBefore} completions, {failover.Successor} led {failover.Time.TotalSeconds:F1} s later"));

        // Every client request was answered (or retried until it was): every branch walked to the end.
        Assert.Equal(0, figures.Unanswered);
        Assert.Equal(Clients * Scenario.Steps.Length, acknowledged.Count);
        Assert.True(failover.Time <= TimeSpan.FromSeconds(15), $"leadership took {failover.Time.TotalSeconds:F1} s to move from {failover.Killed} to {failover.Successor}");

        var cases = branches.Select(b => b.CaseId).Distinct().ToArray();
        await EveryCompletionIsInItsIntactStreamOnceAsync(client, tokens["auditor"], cases, acknowledged);
        await EveryNewTaskIsNotifiedExactlyOnceAsync(cases, branches.DistinctBy(b => b.CaseId).ToDictionary(b => b.CaseId, b => b.District));
    }

    private sealed record Branch(string CaseId, string District, string BranchId);

    private sealed record Completion(string CaseId, string TaskId, string StepId);

    private sealed record Failover(string Killed, string Successor, TimeSpan Time, int AcknowledgedBefore);

    /// <summary>32 branches, one from each case in turn: clients share a case's stream (and its appends) two or three at a time.</summary>
    private static async Task<List<Branch>> BranchesToWalkAsync(RetryingClient client, string province)
    {
        var (_, list) = await client.SendAsync(province, HttpMethod.Get, "/api/cases");
        var all = new List<Branch>();
        foreach (var summary in list!.AsArray())
        {
            var caseId = summary!["caseId"]!.GetValue<string>();
            var (_, state) = await client.SendAsync(province, HttpMethod.Get, $"/api/cases/{caseId}");
            all.AddRange(state!["branches"]!.AsArray().Select(b => new Branch(caseId, summary["district"]!.GetValue<string>(), b!["branchId"]!.GetValue<string>())));
        }

        Assert.True(all.Count >= Clients, $"only {all.Count} committees in the campaign");
        return [.. all.GroupBy(b => b.CaseId).SelectMany(g => g.Select((b, i) => (b, i))).OrderBy(x => x.i).Select(x => x.b).Take(Clients)];
    }

    private static async Task WalkBranchAsync(RetryingClient client, ConcurrentDictionary<string, string> tokens, Branch branch, ConcurrentBag<Completion> acknowledged)
    {
        foreach (var step in Scenario.Steps)
        {
            var token = tokens[Scenario.ActorFor(step, branch.District)];
            var (_, state) = await client.SendAsync(token, HttpMethod.Get, $"/api/cases/{branch.CaseId}");
            var taskId = state!["tasks"]!.AsArray()
                .Single(t => t!["open"]!.GetValue<bool>() && t["branchId"]!.GetValue<string>() == branch.BranchId && t["stepId"]!.GetValue<string>() == step)!["taskId"]!.GetValue<string>();

            var (claimed, claim) = await client.SendAsync(token, HttpMethod.Post, $"/api/cases/{branch.CaseId}/tasks/{taskId}/claim", null, "claim-" + taskId);
            Assert.True(claimed == HttpStatusCode.OK, $"claim {step} of {branch}: {(int)claimed} {claim}");
            var (completed, answer) = await client.SendAsync(
                token, HttpMethod.Post, $"/api/cases/{branch.CaseId}/tasks/{taskId}/complete", new JsonObject { ["data"] = Scenario.FormFor(step, Scenario.Slate) }, "complete-" + taskId);
            Assert.True(completed == HttpStatusCode.OK, $"complete {step} of {branch}: {(int)completed} {answer}");
            acknowledged.Add(new Completion(branch.CaseId, taskId, step));
        }
    }

    /// <summary>Kills the relay's leader once <paramref name="threshold"/> completions are in; how long until a standby leads.</summary>
    private async Task<Failover> KillTheLeaderAsync(Func<int> acknowledged, int threshold, Task clients)
    {
        await Eventually.UntilAsync(() => acknowledged() >= threshold || clients.IsCompleted, $"{threshold} completions acknowledged", TimeSpan.FromSeconds(120));
        Assert.False(clients.IsCompleted, $"the clients finished before the leader could be killed: {clients.Exception?.GetBaseException().Message}");
        var leader = await RelayLeaderAsync() ?? throw new InvalidOperationException("no node reports leading the relay");
        var before = acknowledged();
        fixture.Cluster.Kill(leader);
        var clock = Stopwatch.StartNew();

        string? successor = null;
        await Eventually.UntilAsync(async () => (successor = await RelayLeaderAsync()) is not null, $"a standby takes over the relay from {leader}", TimeSpan.FromSeconds(60));
        return new Failover(leader, successor!, clock.Elapsed, before);
    }

    /// <summary>
    /// The running node whose /health says it leads the outbox relay, asking every node at once and
    /// directly (not through HAProxy); null while none does. A node too busy to answer within the
    /// probe's timeout counts as not leading, so the failover time measured is an upper bound.
    /// </summary>
    private async Task<string?> RelayLeaderAsync()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var answers = await Task.WhenAll(fixture.Cluster.Running.Select(async node =>
        {
            try
            {
                var health = await probe.GetFromJsonAsync<JsonObject>(new Uri(fixture.Cluster.NodeAddress(node), "/health"));
                var messaging = health!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "messaging");
                return string.Equals(messaging!["data"]?["relayLeader"]?.GetValue<string>(), "True", StringComparison.Ordinal) ? node : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }));
        return answers.FirstOrDefault(n => n is not null);
    }

    private static async Task EveryCompletionIsInItsIntactStreamOnceAsync(RetryingClient client, string auditor, string[] cases, IReadOnlyCollection<Completion> acknowledged)
    {
        foreach (var caseId in cases)
        {
            var (_, history) = await client.SendAsync(auditor, HttpMethod.Get, $"/api/audit/{caseId}/history");
            var completedTasks = history!.AsArray()
                .Where(e => e!["type"]!.GetValue<string>() == "task-completed")
                .Select(e => JsonNode.Parse(e!["data"]!.GetValue<string>())!["taskId"]!.GetValue<string>());
            Assert.Equal(acknowledged.Where(c => c.CaseId == caseId).Select(c => c.TaskId).Order(), completedTasks.Order());

            var (_, verdict) = await client.SendAsync(auditor, HttpMethod.Get, $"/api/audit/{caseId}/verify");
            Assert.True(verdict!["intact"]!.GetValue<bool>(), $"{caseId}: {verdict}");
        }
    }

    /// <summary>
    /// Each completion opens the branch's next task, and each task's assignee gets one notice of it:
    /// none missing (waited for: the relay and the consumers run behind the request), none twice.
    /// </summary>
    private async Task EveryNewTaskIsNotifiedExactlyOnceAsync(string[] cases, Dictionary<string, string> districts)
    {
        await using var database = NpgsqlDataSource.Create(fixture.Cluster.EventStoreConnectionString);
        var tasks = new List<(string CaseId, string BranchId, string StepId, string EventId, string Actor)>();
        await using (var read = database.CreateCommand("SELECT stream_id, data, event_id::text FROM events WHERE type = 'task-created' AND stream_id = ANY(@cases)"))
        {
            read.Parameters.AddWithValue("cases", cases);
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                var data = JsonNode.Parse(rows.GetString(1))!;
                var step = data["stepId"]!.GetValue<string>();
                tasks.Add((rows.GetString(0), data["branchId"]!.GetValue<string>(), step, rows.GetString(2), Scenario.ActorFor(step, districts[rows.GetString(0)])));
            }
        }

        // One task per step of each branch: no retried completion opened a step twice.
        Assert.All(tasks.GroupBy(t => (t.CaseId, t.BranchId, t.StepId)), g => Assert.Single(g));

        var notices = new List<(string Recipient, string CaseId, string SourceEventId)>();
        await Eventually.UntilAsync(
            async () =>
            {
                notices = await TaskNoticesAsync(database, cases);
                return tasks.All(t => notices.Any(n => n.SourceEventId == t.EventId && n.Recipient == t.Actor));
            },
            () => $"every task's assignee notified ({tasks.Count(t => !notices.Any(n => n.SourceEventId == t.EventId && n.Recipient == t.Actor))} of {tasks.Count} tasks still without their notice)",
            TimeSpan.FromSeconds(60));

        // None twice: one notice per person per task, and none about anything but these tasks.
        Assert.All(notices.GroupBy(n => (n.Recipient, n.SourceEventId)), g => Assert.Single(g));
        var taskEvents = tasks.Select(t => t.EventId).ToHashSet(StringComparer.Ordinal);
        Assert.All(notices, n => Assert.Contains(n.SourceEventId, taskEvents));
    }

    private static async Task<List<(string Recipient, string CaseId, string SourceEventId)>> TaskNoticesAsync(NpgsqlDataSource database, string[] cases)
    {
        var notices = new List<(string, string, string)>();
        await using var read = database.CreateCommand("SELECT recipient, case_id, source_event_id FROM messaging_feed WHERE kind = 'task-assigned' AND case_id = ANY(@cases)");
        read.Parameters.AddWithValue("cases", cases);
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            notices.Add((rows.GetString(0), rows.GetString(1), rows.GetString(2)));
        }

        return notices;
    }
}
