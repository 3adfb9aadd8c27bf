using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Cluster;

/// <summary>
/// Any node serves any request: what one node knows — a sign-in, a disabled account, a language,
/// an answered Idempotency-Key, a completed task — every node knows, through the shared database.
/// Every request goes through HAProxy, whose round-robin sends consecutive requests to different nodes.
/// </summary>
[Collection(nameof(ClusterTests))]
public sealed partial class ClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task a_token_issued_by_one_node_is_honoured_by_every_node()
    {
        var (token, issuer) = await fixture.SignInAsync("duyxuyen.bantochuc");
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var served = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2 * fixture.Cluster.Nodes; i++)
        {
            using var response = await client.GetAsync("/api/auth/me");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            served.Add(ClusterFixture.NodeOf(response));
        }

        Assert.Equal(fixture.Cluster.NodeNames.Order(), served.Order());
        Assert.Contains(served, n => n != issuer);
    }

    [Fact]
    public async Task a_browser_signed_in_through_one_node_keeps_its_session_and_forms_on_the_others()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fixture.Cluster.BaseAddress };

        // The form's antiforgery token comes from one node and is checked by the next one.
        using var form = await browser.GetAsync("/login");
        var formNode = ClusterFixture.NodeOf(form);
        var antiforgery = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        using var signIn = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "duyxuyen.thuongvu",
            ["password"] = ServerHost.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotEqual(formNode, ClusterFixture.NodeOf(signIn));

        var served = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2 * fixture.Cluster.Nodes; i++)
        {
            using var page = await browser.GetAsync("/inbox");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            served.Add(ClusterFixture.NodeOf(page));
        }

        Assert.Equal(fixture.Cluster.NodeNames.Order(), served.Order());
    }

    [Fact]
    public async Task a_disabled_account_is_refused_on_every_node_within_seconds()
    {
        using var admin = await fixture.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "duyxuyen.thuky",
            displayName = "Thư ký Duy Xuyên",
            role = "Reviewer",
            district = Scenario.District,
            password = "Mat-khau-moi-2014",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var clerk = await fixture.ClientAsync("duyxuyen.thuky", "Mat-khau-moi-2014");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/tasks")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/accounts/duyxuyen.thuky/disable", null)).StatusCode);

        var refusedBy = new HashSet<string>(StringComparer.Ordinal);
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await clerk.GetAsync("/api/tasks");
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    refusedBy.Add(ClusterFixture.NodeOf(response));
                }
                else
                {
                    refusedBy.Clear();
                }

                return refusedBy.Count == fixture.Cluster.Nodes;
            },
            () => $"every node refuses the disabled account's token (refused so far by {string.Join(", ", refusedBy)})",
            TimeSpan.FromSeconds(15));

        using var anonymous = fixture.Anonymous();
        var again = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "duyxuyen.thuky", password = "Mat-khau-moi-2014" });
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("vô hiệu hóa", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_language_chosen_on_one_node_holds_on_every_node()
    {
        using var client = await fixture.ClientAsync("phuocson.reviewer");
        using var choice = await client.GetAsync("/lang/en?returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, choice.StatusCode);

        var english = new HashSet<string>(StringComparer.Ordinal);
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/auth/me");
                var me = await response.Content.ReadFromJsonAsync<JsonObject>();
                if (me!["language"]!.GetValue<string>() == "en")
                {
                    english.Add(ClusterFixture.NodeOf(response));
                }

                return english.Count == fixture.Cluster.Nodes;
            },
            () => $"every node reads the account's language as English (so far {string.Join(", ", english)})",
            TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task two_nodes_completing_one_task_at_once_one_wins_and_the_other_gets_409()
    {
        var (caseId, taskId) = await OpenSlateTaskAsync("Thăng Bình", 0);
        using var board = await fixture.ClientAsync("thangbinh.thuongvu");
        var body = new { data = Scenario.FormFor("slate", Scenario.Slate) };

        var responses = await Task.WhenAll(
            board.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{taskId}/complete", body),
            board.PostAsJsonAsync($"/api/cases/{caseId}/tasks/{taskId}/complete", body));

        var outcomes = responses.Select(r => ((int)r.StatusCode, ClusterFixture.NodeOf(r))).OrderBy(o => o.Item1).ToList();
        Assert.NotEqual(outcomes[0].Item2, outcomes[1].Item2);
        Assert.Equal([200, 409], outcomes.Select(o => o.Item1));
        var refusal = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrWhiteSpace(refusal!["messageVi"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(refusal["messageEn"]?.GetValue<string>()));
    }

    [Fact]
    public async Task the_same_idempotency_key_sent_to_two_nodes_has_one_effect()
    {
        var (caseId, taskId) = await OpenSlateTaskAsync("Phước Sơn", 0);
        using var board = await fixture.ClientAsync("phuocson.thuongvu");
        var body = new { data = Scenario.FormFor("slate", Scenario.Slate) };
        var versionBefore = await VersionAsync(board, caseId);

        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/tasks/{taskId}/complete") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "slate-phuoc-son-" + taskId);
            return await board.SendAsync(request);
        }

        using var first = await SendAsync();
        using var second = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(ClusterFixture.NodeOf(first), ClusterFixture.NodeOf(second));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var versionAfterFirst = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["version"]!.GetValue<long>();
        Assert.True(versionAfterFirst > versionBefore);
        Assert.Equal(versionAfterFirst, await VersionAsync(board, caseId));
    }

    private async Task<(string CaseId, string TaskId)> OpenSlateTaskAsync(string district, int branch)
    {
        using var province = await fixture.ClientAsync("tinh.bantochuc");
        var cases = await province.GetFromJsonAsync<JsonArray>($"/api/cases?district={Uri.EscapeDataString(district)}");
        var caseId = cases!.Single()!["caseId"]!.GetValue<string>();
        var tasks = await Scenario.OpenTasksAsync(province, caseId, "slate");
        return (caseId, tasks[branch]);
    }

    private static async Task<long> VersionAsync(HttpClient client, string caseId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!["version"]!.GetValue<long>();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
