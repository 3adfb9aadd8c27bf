using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace OrgRestructure.Cli.Commands.Bench.EndToEnd;

/// <summary>
/// The users of the bench, over HTTP with bearer tokens as any API client: the districts' demo
/// accounts read their inbox and claim and complete its tasks (E2eClients.Work.cs); the province
/// board lists its cases and opens its dashboard; pollers watch the districts' notification feeds.
/// Every request is timed from send to the last byte read.
/// </summary>
internal sealed partial class E2eClients(Uri address) : IDisposable
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

    /// <summary>How long a reader or worker waits between its requests, as a person reads what came back; zero saturates the server.</summary>
    public TimeSpan Think { get; init; }

    private Task ThinkAsync(CancellationToken cancellationToken) =>
        Think > TimeSpan.Zero ? Task.Delay(Think, cancellationToken) : Task.CompletedTask;

    /// <summary>The demo accounts' suffixes per district body (README, "Demo users").</summary>
    public const string StandingCommittee = "thuongvu";
    public const string OrganizationBoard = "bantochuc";
    public const string InspectionCommittee = "ubkt";

    /// <summary>A district's demo account: ("Duy Xuyên", "thuongvu") → "duyxuyen.thuongvu" (diacritics and đ folded).</summary>
    public static string AccountOf(string district, string body)
    {
        var folded = district.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        return string.Concat(folded.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant() + "." + body;
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
    public async Task ReadAsync(PhaseRecorder recorder, IReadOnlyList<string> districts, int reader, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        for (var i = reader; clock.Elapsed < duration; i++)
        {
            var (endpoint, path, user) = (i % 3) switch
            {
                0 => ("inbox", "/api/tasks", AccountOf(districts[i % districts.Count], StandingCommittee)),
                1 => ("case list", "/api/cases?limit=50", ProvinceBoard),
                _ => ("dashboard", "/api/dashboard", ProvinceBoard),
            };
            await TimedAsync(recorder, endpoint, Request(HttpMethod.Get, path, user), cancellationToken);
            await ThinkAsync(cancellationToken);
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
    private async Task<string?> TimedAsync(PhaseRecorder recorder, string endpoint, HttpRequestMessage request, CancellationToken cancellationToken) =>
        (await SendAsync(recorder, endpoint, request, false, cancellationToken)).Body;

    /// <summary>
    /// A command sent again (up to <see cref="CommandAttempts"/> times) when the server answers that
    /// the case changed first — 409 marked retryable, as when two committees of one district case are
    /// worked at once: the answer asks the client to retry, so it is counted as a conflict, not an error.
    /// Sent with <c>Prefer: return=minimal</c>, as an inbox client that goes on to its next task: the
    /// answer is where the case stands and its open tasks, not the whole case with its timeline.
    /// </summary>
    private async Task<string?> CommandAsync(PhaseRecorder recorder, string endpoint, string path, string user, string json, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = Request(HttpMethod.Post, path, user);
            request.Headers.Add("Prefer", "return=minimal");
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            var answer = await SendAsync(recorder, endpoint, request, attempt < CommandAttempts, cancellationToken);
            if (!answer.Retry)
            {
                return answer.Body;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
        }
    }

    private const int CommandAttempts = 5;

    private readonly record struct Answer(string? Body, bool Retry);

    private async Task<Answer> SendAsync(PhaseRecorder recorder, string endpoint, HttpRequestMessage request, bool mayRetry, CancellationToken cancellationToken)
    {
        using (request)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (mayRetry && response.StatusCode == HttpStatusCode.Conflict && body.Contains("\"retryable\":true", StringComparison.Ordinal))
                {
                    recorder.Conflict(endpoint);
                    return new Answer(null, true);
                }

                if (!response.IsSuccessStatusCode)
                {
                    recorder.Error(endpoint, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), body);
                    return new Answer(null, false);
                }

                recorder.Record(endpoint, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return new Answer(body, false);
            }
            catch (HttpRequestException ex)
            {
                recorder.Error(endpoint, ex.HttpRequestError.ToString());
                return new Answer(null, false);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                recorder.Error(endpoint, "timeout");
                return new Answer(null, false);
            }
        }
    }
}
