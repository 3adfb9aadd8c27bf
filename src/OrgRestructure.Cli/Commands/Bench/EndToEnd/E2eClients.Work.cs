using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// The districts one worker works, in turn, and its share of each one's committees. Several workers in
/// one district each take the branches whose hash falls to them, so that two workers never claim the
/// same task (a refused claim would be the bench's collision, not the server's answer).
/// </summary>
internal sealed record E2eShare(IReadOnlyList<string> Districts, int Index, int Of)
{
    public bool Owns(JsonObject task) => Of == 1 || Bucket($"{task["caseId"]}/{task["branch"]}") % Of == Index;

    /// <summary>
    /// Workers spread over the districts. Fewer districts than workers: worker w works in district
    /// w mod D, as one of the workers that district got. More: each worker works its own districts one
    /// after another (w, w + workers, …), moving on when one has no work left.
    /// </summary>
    public static List<E2eShare> Spread(IReadOnlyList<string> districts, int workers) =>
        districts.Count > workers
            ? [.. Enumerable.Range(0, workers).Select(w => new E2eShare([.. districts.Where((_, i) => i % workers == w)], 0, 1))]
            : [.. Enumerable.Range(0, workers).Select(w => new E2eShare(
                [districts[w % districts.Count]], w / districts.Count, (workers / districts.Count) + (w % districts.Count < workers % districts.Count ? 1 : 0)))];

    private static int Bucket(string key)
    {
        var hash = 17u;
        foreach (var c in key)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (int)(hash % int.MaxValue);
    }
}

internal sealed partial class E2eClients
{
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(50);

    /// <summary>The demo account that holds a task's role in the district (a new committee's tasks go to the organization board, its candidate group).</summary>
    private static readonly Dictionary<string, string> BodyOfRole = new(StringComparer.Ordinal)
    {
        ["district-standing-committee"] = StandingCommittee,
        ["district-organization-board"] = OrganizationBoard,
        ["district-inspection-committee"] = InspectionCommittee,
    };

    /// <summary>
    /// A worker until the clock runs out: works its districts in turn (<see cref="WorkDistrictAsync"/>);
    /// when the last has no work left it stops, counted as out of work.
    /// </summary>
    public async Task WorkAsync(PhaseRecorder recorder, E2eShare share, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        foreach (var district in share.Districts)
        {
            if (clock.Elapsed >= duration || !await WorkDistrictAsync(recorder, share, district, clock, duration, cancellationToken))
            {
                return;
            }
        }

        recorder.OutOfWork();
    }

    /// <summary>
    /// Reads the inbox of the district's organization board, standing committee and inspection
    /// committee in turn, takes the first task of the worker's share, opens it (form and context),
    /// claims it as the account holding the task's role and completes it with the form filled in, until
    /// the clock runs out (false) or every inbox is empty (true: the district's case has no work the
    /// bench can do now; the store keeps one case per district, completed ones included).
    /// </summary>
    private async Task<bool> WorkDistrictAsync(PhaseRecorder recorder, E2eShare share, string district, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        // The inspection committee's inbox too: its vetting steps would otherwise look like the case's end.
        string[] inboxes = [AccountOf(district, OrganizationBoard), AccountOf(district, StandingCommittee), AccountOf(district, InspectionCommittee)];
        var emptyInboxes = 0;
        for (var turn = 0; clock.Elapsed < duration; turn++)
        {
            var user = inboxes[turn % inboxes.Length];
            var body = await TimedAsync(recorder, "inbox", Request(HttpMethod.Get, "/api/tasks?limit=100", user), cancellationToken);
            var items = (body is null ? null : JsonNode.Parse(body) as JsonArray) ?? [];
            emptyInboxes = body is not null && items.Count == 0 ? emptyInboxes + 1 : 0;
            var task = items.OfType<JsonObject>().FirstOrDefault(t => share.Owns(t) && (t["assignee"] is null || t["assignee"]!.GetValue<string>() == user));
            if (task is not null)
            {
                await CompleteAsync(recorder, district, user, task, cancellationToken);
                await ThinkAsync(cancellationToken);
            }
            else if (emptyInboxes >= inboxes.Length)
            {
                return true;
            }
            else
            {
                await Task.Delay(IdlePause, cancellationToken);
            }
        }

        return false;
    }

    private async Task CompleteAsync(PhaseRecorder recorder, string district, string inboxUser, JsonObject item, CancellationToken cancellationToken)
    {
        var path = $"/api/cases/{item["caseId"]!.GetValue<string>()}/tasks/{item["taskId"]!.GetValue<string>()}";
        var body = await TimedAsync(recorder, "task", Request(HttpMethod.Get, path, inboxUser), cancellationToken);
        if (body is null || JsonNode.Parse(body) is not JsonObject task)
        {
            return;
        }

        var assignee = task["assignee"]?.GetValue<string>();
        var actor = assignee ?? ActorFor(district, task);
        if (assignee is null && await CommandAsync(recorder, "claim", $"{path}/claim", actor, "{}", cancellationToken) is null)
        {
            return;
        }

        var data = new JsonObject { ["data"] = E2eForms.Fill(task) }.ToJsonString();
        if (await CommandAsync(recorder, "complete", $"{path}/complete", actor, data, cancellationToken) is not null)
        {
            recorder.Completion();
        }
    }

    /// <summary>The district's account for the task's role, else for its first candidate group (a new committee's own tasks).</summary>
    private static string ActorFor(string district, JsonObject task)
    {
        var roles = new[] { task["assigneeRole"]?.GetValue<string>() }
            .Concat((task["candidateGroups"] as JsonArray ?? []).Select(g => g?.GetValue<string>()));
        var body = roles.Select(r => r is null ? null : BodyOfRole.GetValueOrDefault(r)).FirstOrDefault(b => b is not null);
        return AccountOf(district, body ?? OrganizationBoard);
    }
}
