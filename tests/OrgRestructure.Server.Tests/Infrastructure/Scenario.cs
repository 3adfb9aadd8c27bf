using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrgRestructure.Server.Tests.Infrastructure;

/// <summary>
/// The Quảng Nam campaign driven through the public API: import, pilot, and each step's form data
/// as the fields of workflows/party-committee-formation.json name them. A district's case has one
/// branch per committee; a step is done when every branch has done it.
/// </summary>
public static class Scenario
{
    public const string District = "Duy Xuyên";
    public static readonly string[] Pilot = ["Duy Xuyên", "Phước Sơn", "Thăng Bình"];
    public static readonly string[] Slate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Võ Thị Hoa"];
    public static readonly string[] RevisedSlate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Đặng Văn Giang"];
    public const string Rejected = "Võ Thị Hoa";

    /// <summary>The steps of one committee's branch in order (the size check is a gate: no task).</summary>
    public static readonly string[] Steps = ["slate", "members-vote", "bloc-vote", "vetting", "decision", "announcement", "inspection-election", "first-meeting"];

    /// <summary>Who acts on each step of Duy Xuyên's case.</summary>
    public static string ActorFor(string stepId) => ActorFor(stepId, District);

    /// <summary>Who acts on each step of a district's case: its standing committee, inspection committee or organization board (demo accounts).</summary>
    public static string ActorFor(string stepId, string district) =>
        Server.Features.Auth.DemoUsers.Slug(district).Replace("-", string.Empty, StringComparison.Ordinal) + stepId switch
        {
            "slate" or "decision" => ".thuongvu",
            "vetting" => ".ubkt",
            _ => ".bantochuc",
        };

    public static async Task ImportAndLaunchPilotAsync(ServerHost host)
    {
        using var province = await host.ClientAsync("tinh.bantochuc");
        using var content = new StringContent(await File.ReadAllTextAsync(RepoPaths.Survey), Encoding.UTF8, "application/json");
        (await province.PostAsync("/api/surveys", content)).EnsureSuccessStatusCode();
        (await province.PostAsJsonAsync("/api/campaigns/current/pilot", new { districts = Pilot })).EnsureSuccessStatusCode();
    }

    /// <summary>The id of the district's case (the engine names cases).</summary>
    public static async Task<string> CaseIdAsync(ServerHost host, string district = District)
    {
        using var province = await host.ClientAsync("tinh.bantochuc");
        var cases = await province.GetFromJsonAsync<JsonArray>($"/api/cases?district={Uri.EscapeDataString(district)}");
        return cases!.Single()!["caseId"]!.GetValue<string>();
    }

    public static JsonObject FormFor(string stepId, IReadOnlyList<string> slate, bool reject = false) => stepId switch
    {
        "slate" => new()
        {
            ["date"] = "2014-09-01",
            ["criteria"] = "Tiêu chuẩn theo Quy định 89-QĐ/TW",
            ["executiveSeats"] = slate.Count,
            ["candidates"] = Rows(slate.Select((n, i) => new JsonObject { ["name"] = n, ["position"] = Position(i) })),
        },
        // 30 summoned: every committee of the pilot has at least that many members.
        "members-vote" => Vote(slate, 30, 28, 21),
        // The bloc has 20 cell secretaries, deputies and cell committee members, all summoned.
        "bloc-vote" => WithCellLeaders(Vote(slate, 20, 18, 15), 20),
        "vetting" => new()
        {
            ["date"] = "2014-09-10",
            ["verdicts"] = Rows(slate.Select(n => new JsonObject
            {
                ["candidate"] = n,
                ["approved"] = !(reject && n == Rejected),
                ["reason"] = reject && n == Rejected ? "Chưa đủ thời gian công tác" : "Đạt tiêu chuẩn",
            })),
        },
        "decision" => new()
        {
            ["number"] = "123-QĐ/HU",
            ["date"] = "2014-09-15",
            ["signatory"] = "Bí thư Huyện ủy",
            ["appointees"] = Rows(slate.Select((n, i) => new JsonObject { ["name"] = n, ["position"] = Position(i) })),
        },
        "announcement" => new() { ["ceremonyDate"] = "2014-09-20", ["attendees"] = 120, ["decisions"] = new JsonArray("123-QĐ/HU") },
        "inspection-election" => new()
        {
            ["seats"] = 3,
            ["summoned"] = slate.Count,
            ["present"] = slate.Count,
            ["ballotsIssued"] = slate.Count,
            ["ballotsReturned"] = slate.Count,
            ["candidates"] = Rows(slate.Take(3).Select(n => new JsonObject { ["name"] = n, ["votes"] = slate.Count })),
            ["chair"] = slate[0],
        },
        "first-meeting" => new() { ["meetingDate"] = "2014-09-22", ["assignments"] = "Phân công theo Quy chế làm việc", ["programme"] = "Chương trình công tác nhiệm kỳ 2014–2015" },
        _ => throw new ArgumentOutOfRangeException(nameof(stepId)),
    };

    /// <summary>
    /// Launches, as <paramref name="client"/> (Duy Xuyên's standing committee), a formation case for one
    /// government-bloc committee of <paramref name="members"/> members, with the parameters given; returns its id.
    /// </summary>
    public static async Task<string> LaunchOneCommitteeAsync(HttpClient client, int members, string[] organizations, JsonObject? parameters = null)
    {
        var launched = await client.PostAsJsonAsync("/api/cases", OneCommitteeLaunch(members, organizations, parameters));
        var body = await launched.Content.ReadAsStringAsync();
        Assert.True(launched.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["caseId"]!.GetValue<string>();
    }

    /// <summary>The body of POST /api/cases launching a formation case for one government-bloc committee of Duy Xuyên.</summary>
    public static JsonObject OneCommitteeLaunch(int members, string[] organizations, JsonObject? parameters = null)
    {
        var input = new JsonObject
        {
            ["district"] = District,
            ["committees"] = new JsonArray(new JsonObject
            {
                ["id"] = "dx-chinh-quyen",
                ["name"] = "Đảng bộ Khối Chính quyền huyện Duy Xuyên",
                ["blocs"] = new JsonArray("Government"),
                ["organizations"] = new JsonArray([.. organizations.Select(o => (JsonNode)JsonValue.Create(o))]),
                ["members"] = members,
            }),
        };
        if (parameters is not null)
        {
            input["parameters"] = parameters;
        }

        return new JsonObject { ["definitionId"] = "party-committee-formation", ["input"] = input };
    }

    /// <summary>The members' vote in which <paramref name="slate"/>[<paramref name="failed"/>] gets 10 of 30 (fails); the others pass.</summary>
    public static JsonObject VoteFailing(IReadOnlyList<string> slate, int failed)
    {
        var vote = FormFor("members-vote", slate);
        vote["tallies"]![failed]!["high"] = 10;
        vote["tallies"]![failed]!["low"] = 18;
        return vote;
    }

    /// <summary>Steps 1–4 through the API with <paramref name="slate"/>[<paramref name="failed"/>] failing the members' vote: the case waits at the decision.</summary>
    public static async Task ToDecisionWithAFailedCandidateAsync(ServerHost host, string caseId, IReadOnlyList<string> slate, int failed)
    {
        await CompleteAsync(host, caseId, "slate", FormFor("slate", slate));
        await CompleteAsync(host, caseId, "members-vote", VoteFailing(slate, failed));
        await CompleteAsync(host, caseId, "bloc-vote", FormFor("bloc-vote", slate));
        await CompleteAsync(host, caseId, "vetting", FormFor("vetting", slate));
    }

    /// <summary>Completes the case's open task at <paramref name="stepId"/> in every branch, as the right person; returns the case.</summary>
    public static async Task<JsonObject?> CompleteAsync(ServerHost host, string caseId, string stepId, JsonObject data, string? exceptBranch = null)
    {
        using var client = await host.ClientAsync(ActorFor(stepId));
        return await CompleteAsync(client, caseId, stepId, data, exceptBranch);
    }

    /// <summary>Completes the case's open task at <paramref name="stepId"/> in every branch, as <paramref name="client"/>; returns the case.</summary>
    public static async Task<JsonObject?> CompleteAsync(HttpClient client, string caseId, string stepId, JsonObject data, string? exceptBranch = null)
    {
        JsonObject? last = null;
        foreach (var taskId in await OpenTasksAsync(client, caseId, stepId, exceptBranch))
        {
            var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{taskId}/complete", new { data = data.DeepClone() });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{stepId}: {(int)response.StatusCode} {body}");
            last = JsonNode.Parse(body)!.AsObject();
        }

        return exceptBranch is not null ? last : last ?? throw new InvalidOperationException($"No open task at {stepId} in {caseId}.");
    }

    /// <summary>Runs every branch through the procedure with one vetting rejection (per branch) and its correction.</summary>
    public static async Task RunWholeCaseAsync(ServerHost host, string caseId)
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            await RunWholeCaseAsync(async step => clients.TryGetValue(ActorFor(step), out var c) ? c : clients[ActorFor(step)] = await host.ClientAsync(ActorFor(step)), caseId);
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>As above, each step through the client <paramref name="clientFor"/> gives for it (signed in as <see cref="ActorFor(string)"/>).</summary>
    public static async Task RunWholeCaseAsync(Func<string, Task<HttpClient>> clientFor, string caseId)
    {
        foreach (var step in Steps.Take(4))
        {
            await CompleteAsync(await clientFor(step), caseId, step, FormFor(step, Slate, reject: true));
        }

        foreach (var step in Steps)
        {
            await CompleteAsync(await clientFor(step), caseId, step, FormFor(step, RevisedSlate));
        }
    }

    public static async Task<IReadOnlyList<string>> OpenTasksAsync(HttpClient client, string caseId, string stepId, string? exceptBranch = null)
    {
        var state = await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        return [.. state!["tasks"]!.AsArray()
            .Where(t => t!["open"]!.GetValue<bool>() && t["stepId"]!.GetValue<string>() == stepId && t["branch"]!.GetValue<string>() != exceptBranch)
            .Select(t => t!["taskId"]!.GetValue<string>())];
    }

    /// <summary>The form as the task page names its inputs: scalars by name, lists one per line, rows as field[i].sub.</summary>
    public static IEnumerable<(string Field, string Value)> UiFields(JsonObject data)
    {
        foreach (var (name, node) in data)
        {
            if (node is JsonArray rows && rows.FirstOrDefault() is JsonObject)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    foreach (var (sub, value) in rows[i]!.AsObject())
                    {
                        yield return ($"{name}[{i}].{sub}", Text(value));
                    }
                }
            }
            else
            {
                yield return (name, node is JsonArray list ? string.Join('\n', list.Select(x => x!.ToString())) : Text(node));
            }
        }
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? (b ? "true" : "false") : node?.ToString() ?? string.Empty;

    private static string Position(int index) => index switch
    {
        0 => "secretary",
        1 => "deputy-secretary",
        _ => "executive-committee",
    };

    private static JsonArray Rows(IEnumerable<JsonObject> rows) => new([.. rows]);

    private static JsonObject WithCellLeaders(JsonObject vote, int cellLeaders)
    {
        vote["summonedAtMost"] = cellLeaders;
        return vote;
    }

    private static JsonObject Vote(IReadOnlyList<string> slate, int summoned, int present, int high) => new()
    {
        ["conferenceDate"] = "2014-09-05",
        ["summoned"] = summoned,
        ["present"] = present,
        ["ballotsIssued"] = present,
        ["ballotsReturned"] = present,
        ["tallies"] = Rows(slate.Select(n => new JsonObject { ["candidate"] = n, ["high"] = high, ["normal"] = 0, ["low"] = present - high, ["invalid"] = 0 })),
    };
}
