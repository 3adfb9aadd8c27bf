using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrgRestructure.Server.Tests.Infrastructure;

/// <summary>The Quảng Nam campaign driven through the public API: import, pilot, and each step's form data.</summary>
public static class Scenario
{
    public const string District = "Duy Xuyên";
    public const string CaseId = "case-duy-xuyen-1";
    public static readonly string[] Pilot = ["Duy Xuyên", "Phước Sơn", "Thăng Bình"];
    public static readonly string[] Slate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Võ Thị Hoa"];
    public static readonly string[] RevisedSlate = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Đặng Văn Giang"];
    public const string Rejected = "Võ Thị Hoa";

    /// <summary>Who acts on each step of Duy Xuyên's case.</summary>
    public static string ActorFor(int step) => step switch
    {
        1 or 5 => "duyxuyen.thuongvu",
        4 => "duyxuyen.ubkt",
        _ => "duyxuyen.bantochuc",
    };

    public static async Task ImportAndLaunchPilotAsync(ServerHost host)
    {
        using var province = await host.ClientAsync("tinh.bantochuc");
        using var content = new StringContent(await File.ReadAllTextAsync(RepoPaths.Survey), Encoding.UTF8, "application/json");
        (await province.PostAsync("/api/surveys", content)).EnsureSuccessStatusCode();
        (await province.PostAsJsonAsync("/api/campaigns/current/pilot", new { districts = Pilot })).EnsureSuccessStatusCode();
    }

    public static Dictionary<string, object> FormFor(int step, IReadOnlyList<string> slate, bool reject = false) => step switch
    {
        1 => new() { ["seats"] = 5, ["candidates"] = string.Join('\n', slate), ["criteria"] = "Tiêu chuẩn theo Quy định 89-QĐ/TW" },
        2 => Votes(45, 40, slate, 31),
        3 => Votes(20, 18, slate, 12),
        4 => slate.SelectMany(n => reject && n == Rejected
                ? new[] { KeyValuePair.Create<string, object>("decision:" + n, "reject"), KeyValuePair.Create<string, object>("reason:" + n, "Chưa đủ thời gian công tác") }
                : [KeyValuePair.Create<string, object>("decision:" + n, "approve")])
            .ToDictionary(kv => kv.Key, kv => kv.Value),
        5 => new() { ["number"] = "123-QĐ/HU", ["date"] = "2014-09-15", ["signatory"] = "Bí thư Huyện ủy" },
        6 => new() { ["date"] = "2014-09-20", ["attendees"] = 120 },
        7 => new() { ["summoned"] = 9, ["members"] = "Nguyễn Văn An\nTrần Thị Bình\nLê Văn Cường", ["chair"] = "Nguyễn Văn An", ["chairVotes"] = 7 },
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>Completes the case's open task for <paramref name="step"/> as the right person; returns the case.</summary>
    public static async Task<JsonObject> CompleteAsync(ServerHost host, string caseId, int step, Dictionary<string, object> data)
    {
        using var client = await host.ClientAsync(ActorFor(step));
        var taskId = await OpenTaskAsync(client, caseId, step);
        var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{taskId}/complete", new { data });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"step {step}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Runs steps 1–7 with one vetting rejection and its correction.</summary>
    public static async Task RunWholeCaseAsync(ServerHost host, string caseId)
    {
        for (var step = 1; step <= 4; step++)
        {
            await CompleteAsync(host, caseId, step, FormFor(step, Slate, reject: true));
        }

        for (var step = 1; step <= 7; step++)
        {
            await CompleteAsync(host, caseId, step, FormFor(step, RevisedSlate));
        }
    }

    public static async Task<string> OpenTaskAsync(HttpClient client, string caseId, int step)
    {
        var state = await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}");
        return state!["tasks"]!.AsArray().First(t => t!["open"]!.GetValue<bool>() && t["step"]!.GetValue<int>() == step)!["taskId"]!.GetValue<string>();
    }

    private static Dictionary<string, object> Votes(int summoned, int present, IReadOnlyList<string> slate, int votes)
    {
        var data = new Dictionary<string, object> { ["summoned"] = summoned, ["present"] = present };
        foreach (var n in slate)
        {
            data["votes:" + n] = votes;
        }

        return data;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
