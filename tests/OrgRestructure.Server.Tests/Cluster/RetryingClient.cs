using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrgRestructure.Server.Tests.Cluster;

/// <summary>What a load run counted: requests sent (each attempt), failed attempts by kind, and retries.</summary>
public sealed class LoadFigures
{
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _requests;
    private int _retries;
    private int _unanswered;

    public int Requests => _requests;

    public int Retries => _retries;

    /// <summary>Requests given up on: still failing after the client's patience ran out.</summary>
    public int Unanswered => _unanswered;

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public void Sent() => Interlocked.Increment(ref _requests);

    public void Failed(string kind)
    {
        _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _retries);
    }

    public void GaveUp() => Interlocked.Increment(ref _unanswered);

    public string ErrorsText => _errors.IsEmpty ? "none" : string.Join(", ", _errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"));
}

/// <summary>
/// A client as a careful integrator writes one: every POST carries an Idempotency-Key, and a request
/// whose answer was lost (connection reset or refused, 502/503/504 from the proxy, or 409 "still
/// running elsewhere", or "someone changed the case first") is sent again with the same key until it is answered; GETs are simply sent again.
/// Any other answer is the answer.
/// </summary>
public sealed class RetryingClient(HttpClient http, LoadFigures figures)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(string token, HttpMethod method, string path, JsonNode? body = null, string? idempotencyKey = null)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            figures.Sent();
            string failure;
            var pause = Pause;
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                {
                    failure = $"HTTP {(int)response.StatusCode}";
                }
                else if (response.StatusCode == HttpStatusCode.Conflict && json?["retryable"]?.GetValue<bool>() == true)
                {
                    failure = json["messageEn"]?.GetValue<string>()?.Contains("Idempotency-Key", StringComparison.Ordinal) == true
                        ? "HTTP 409 (same key still running elsewhere)"
                        : "HTTP 409 (case changed first)";
                    if (response.Headers.RetryAfter?.Delta is { } delta)
                    {
                        pause = delta;
                    }
                }
                else
                {
                    return (response.StatusCode, json);
                }
            }
            catch (HttpRequestException e)
            {
                failure = "connection " + e.HttpRequestError.ToString().ToLower(CultureInfo.InvariantCulture);
            }
            catch (TaskCanceledException)
            {
                failure = "timeout";
            }

            figures.Failed(failure);
            if (DateTime.UtcNow > giveUpAt)
            {
                figures.GaveUp();
                throw new InvalidOperationException($"{method} {path}: no answer within {Patience.TotalSeconds} s (last: {failure})");
            }

            await Task.Delay(pause);
        }
    }
}
