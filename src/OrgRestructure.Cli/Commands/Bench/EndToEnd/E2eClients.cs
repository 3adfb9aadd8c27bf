using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// The users of the bench, over HTTP with bearer tokens as any API client: district standing
/// committees read their inbox and claim and release its tasks; the province board lists its cases
/// and opens its dashboard. Every request is timed from send to the last byte read.
/// </summary>
internal sealed class E2eClients(Uri address) : IDisposable
{
    /// <summary>The demo accounts' password (README).</summary>
    public const string DemoPassword = "QuangNam@2014";
    public const string ProvinceBoard = "tinh.bantochuc";

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>The demo account of a district's standing committee: "Duy Xuyên" → "duyxuyen.thuongvu" (diacritics and đ folded).</summary>
    public static string StandingCommitteeOf(string district)
    {
        var folded = district.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        return string.Concat(folded.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant() + ".thuongvu";
    }

    public async Task SignInAsync(IEnumerable<string> userNames, CancellationToken cancellationToken)
    {
        foreach (var userName in userNames)
        {
            using var response = await _http.PostAsJsonAsync(new Uri("/api/auth/token", UriKind.Relative), new { userName, password = DemoPassword }, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            _tokens[userName] = body!["accessToken"]!.GetValue<string>();
        }
    }

    /// <summary>The province imports its survey, so that its dashboard has a campaign to report on.</summary>
    public async Task ImportSurveyAsync(string surveyFile, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "/api/surveys", ProvinceBoard);
        request.Content = new StringContent(await File.ReadAllTextAsync(surveyFile, cancellationToken), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A reader: inbox, case list and dashboard in turn, until the clock runs out.</summary>
    public async Task ReadAsync(PhaseRecorder recorder, IReadOnlyList<string> districtUsers, int reader, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        for (var i = reader; clock.Elapsed < duration; i++)
        {
            var (endpoint, path, user) = (i % 3) switch
            {
                0 => ("inbox", "/api/tasks", districtUsers[i % districtUsers.Count]),
                1 => ("case list", "/api/cases?limit=50", ProvinceBoard),
                _ => ("dashboard", "/api/dashboard", ProvinceBoard),
            };
            await TimedAsync(recorder, endpoint, Request(HttpMethod.Get, path, user), cancellationToken);
        }
    }

    /// <summary>An actor: reads its inbox, claims the first unclaimed task and releases it again (so the run can go on for any time).</summary>
    public async Task ActAsync(PhaseRecorder recorder, string user, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        while (clock.Elapsed < duration)
        {
            var inbox = await TimedAsync(recorder, "inbox", Request(HttpMethod.Get, "/api/tasks", user), cancellationToken);
            var task = (inbox is null ? null : JsonNode.Parse(inbox) as JsonArray)?.FirstOrDefault(t => t?["assignee"] is null);
            if (task is null)
            {
                recorder.Error("inbox", "no unclaimed task");
                await Task.Delay(100, cancellationToken);
                continue;
            }

            var path = $"/api/cases/{task["caseId"]!.GetValue<string>()}/tasks/{task["taskId"]!.GetValue<string>()}";
            foreach (var action in new[] { "claim", "release" })
            {
                using var request = Request(HttpMethod.Post, $"{path}/{action}", user);
                request.Content = JsonContent.Create(new { });
                if (await TimedAsync(recorder, action, request, cancellationToken) is not null)
                {
                    recorder.Action();
                }
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path, string user)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return request;
    }

    /// <summary>Sends and reads the whole body; records the latency on success, the status otherwise. Returns the body on success.</summary>
    private async Task<string?> TimedAsync(PhaseRecorder recorder, string endpoint, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    recorder.Error(endpoint, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return null;
                }

                recorder.Record(endpoint, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return body;
            }
            catch (HttpRequestException ex)
            {
                recorder.Error(endpoint, ex.HttpRequestError.ToString());
                return null;
            }
        }
    }
}
