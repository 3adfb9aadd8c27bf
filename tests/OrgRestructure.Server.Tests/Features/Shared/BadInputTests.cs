using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrgRestructure.Server.Tests.Infrastructure;

namespace OrgRestructure.Server.Tests.Features.Shared;

public sealed class BadInputHost : IAsyncLifetime
{
    public ServerHost Host { get; private set; } = null!;

    public string CaseId { get; private set; } = string.Empty;

    public string TaskId { get; private set; } = string.Empty;

    public string Resolve(string path) => path.Replace("{case}", CaseId, StringComparison.Ordinal).Replace("{task}", TaskId, StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        Host = await ServerHost.StartAsync();
        await Scenario.ImportAndLaunchPilotAsync(Host);
        CaseId = await Scenario.CaseIdAsync(Host);
        using var board = await Host.ClientAsync("duyxuyen.thuongvu");
        TaskId = (await Scenario.OpenTasksAsync(board, CaseId, "slate"))[0];
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Every POST of the API refuses bad input with the right status, a message in Vietnamese and in
/// English, and appends nothing. (Claim, release and rollout take no body; the authorization
/// matrix and the lifecycle tests cover them.)
/// </summary>
public sealed class BadInputTests(BadInputHost fixture) : IClassFixture<BadInputHost>
{
    /// <summary>(who may call it, path, a body with a value of the wrong type, a body missing what it needs).</summary>
    public static TheoryData<string, string, string, string> Posts => new()
    {
        { "tinh.bantochuc", "/api/surveys", "{\"province\":5,\"districts\":\"x\"}", "{\"province\":\"Quảng Nam\"}" },
        { "tinh.bantochuc", "/api/campaigns/current/pilot", "{\"districts\":5}", "{}" },
        { "duyxuyen.thuongvu", "/api/cases", "{\"district\":[1,2]}", "{}" },
        { "duyxuyen.thuongvu", "/api/cases/{case}/cancel", "{\"reason\":{\"a\":1}}", "{}" },
        { "duyxuyen.thuongvu", "/api/cases/{case}/tasks/{task}/complete", "{\"data\":\"seats\"}", "{\"data\":{\"executiveSeats\":\"năm\"}}" },
        { "duyxuyen.thuongvu", "/api/cases/{case}/tasks/{task}/reassign", "{\"userName\":42}", "{}" },
        { "duyxuyen.bantochuc", "/api/tasks/preview-tally", "{\"summoned\":\"bốn mươi\"}", "{\"present\":3}" },
        { "duyxuyen.bantochuc", "/api/notifications/read", "{\"ids\":[\"not-a-guid\"]}", "{}" },
        { "duyxuyen.bantochuc", "/api/auth/token", "{\"userName\":1}", "{\"userName\":\"duyxuyen.bantochuc\"}" },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task malformed_json_wrong_types_missing_fields_and_oversized_bodies_are_refused_clearly_and_append_nothing(string user, string path, string wrongType, string missing)
    {
        path = fixture.Resolve(path);
        using var client = await fixture.Host.ClientAsync(user);
        var before = await fixture.Host.TotalEventsAsync();

        await AssertRefused(client, path, "{\"districts\": [\"Duy Xuyên\"", HttpStatusCode.BadRequest);
        await AssertRefused(client, path, wrongType, HttpStatusCode.BadRequest);
        await AssertRefused(client, path, missing, HttpStatusCode.UnprocessableEntity);

        await AssertRefused(client, path, "{\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\"}", HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await fixture.Host.TotalEventsAsync());
    }

    [Fact]
    public async Task a_post_without_a_body_is_refused_with_a_bilingual_message()
    {
        using var client = await fixture.Host.ClientAsync("duyxuyen.thuongvu");
        using var noContentType = await client.PostAsync($"/api/cases/{fixture.CaseId}/cancel", null);
        using var empty = new StringContent(string.Empty, Encoding.UTF8, "application/json");
        using var emptyJson = await client.PostAsync($"/api/cases/{fixture.CaseId}/cancel", empty);

        await AssertProblem(noContentType, HttpStatusCode.BadRequest);
        await AssertProblem(emptyJson, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task an_unknown_case_or_endpoint_is_404_with_a_bilingual_message()
    {
        using var client = await fixture.Host.ClientAsync("tinh.bantochuc");
        await AssertProblem(await client.GetAsync("/api/cases/case-khong-co-1"), HttpStatusCode.NotFound);
        await AssertProblem(await client.GetAsync("/api/khong-co"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_same_post_twice_with_one_idempotency_key_returns_the_first_answer_and_appends_once()
    {
        using var client = await fixture.Host.ClientAsync("tinh.bantochuc");
        var key = Guid.NewGuid().ToString();
        var before = await fixture.Host.TotalEventsAsync();

        async Task<HttpResponseMessage> Post(string districts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns/current/pilot")
            {
                Content = new StringContent("{\"districts\":" + districts + "}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        using var first = await Post("[\"Tam Kỳ\"]");
        var afterFirst = await fixture.Host.TotalEventsAsync();
        using var second = await Post("[\"Tam Kỳ\"]");
        using var different = await Post("[\"Hội An\"]");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(afterFirst > before);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        await AssertProblem(different, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(afterFirst, await fixture.Host.TotalEventsAsync());
    }

    [Fact]
    public async Task openapi_document_lists_every_feature()
    {
        using var anonymous = fixture.Host.Anonymous();
        var doc = await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = doc!["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[] { "/api/surveys", "/api/campaigns/current/pilot", "/api/cases", "/api/tasks", "/api/audit/{caseId}/verify", "/api/definitions", "/api/notifications", "/api/auth/token", "/api/dashboard" })
        {
            Assert.Contains(paths, p => p.TrimEnd('/') == expected);
        }
    }

    private static async Task AssertRefused(HttpClient client, string path, string body, HttpStatusCode expected)
    {
        // Expect: 100-continue lets the server refuse an oversized body before the client sends it.
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);
        await AssertProblem(response, expected, $"{path} {body[..Math.Min(60, body.Length)]}");
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode expected, string what = "")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{what}: {(int)response.StatusCode} {text}");
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(problem["messageVi"]?.GetValue<string>()), text);
        Assert.False(string.IsNullOrWhiteSpace(problem["messageEn"]?.GetValue<string>()), text);
        Assert.NotEqual(problem["messageVi"]!.GetValue<string>(), problem["messageEn"]!.GetValue<string>());
    }
}
