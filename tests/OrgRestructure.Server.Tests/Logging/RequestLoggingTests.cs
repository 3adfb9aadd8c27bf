using System.Text.Json;
using OrgRestructure.Hosting.Logging;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Logging;

public sealed class RequestLoggingTests
{
    [Fact]
    public async Task completing_tasks_logs_one_request_event_each_with_actor_case_task_and_status_and_the_engines_lines_carry_the_same_case_scope()
    {
        await using var host = await ServerHost.StartAsync();
        var caseId = await FirstStep.DoneAsync(host);

        var actor = Scenario.ActorFor("slate");
        List<JsonElement> requests = [];
        await Eventually.UntilAsync(
            () => (requests = [.. ServerLog(host).Where(l => Text(l, "@mt") == RequestLogging.Template && Text(l, "RequestPath")?.EndsWith("/complete", StringComparison.Ordinal) == true)]).Count > 0,
            "the completion events of POST …/complete in the CLEF file");

        // One task per committee of the district, one request and one event each.
        var log = ServerLog(host);
        Assert.Equal(requests.Count, requests.Select(r => Text(r, "TaskId")).Distinct().Count());
        foreach (var request in requests)
        {
            Assert.Equal(caseId, Text(request, "CaseId"));
            Assert.Equal(actor, Text(request, "Actor"));
            Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
            Assert.True(request.GetProperty("Elapsed").GetDouble() > 0);

            // The line the engine wrote while that request ran is in the same trace (CLEF's @tr, the
            // request's CorrelationId) and carries the request's task, though the engine knows nothing of requests.
            Assert.Equal(Text(request, "@tr"), Text(request, "CorrelationId"));
            var engine = Assert.Single(log, l => Text(l, "@mt")?.StartsWith("Case {CaseId}: {Count} events appended", StringComparison.Ordinal) == true && Text(l, "@tr") == Text(request, "@tr"));
            Assert.Equal(caseId, Text(engine, "CaseId"));
            Assert.Equal(actor, Text(engine, "Actor"));
            Assert.Equal(Text(request, "TaskId"), Text(engine, "TaskId"));
        }
    }

    private static string? Text(JsonElement line, string property) =>
        line.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Every event in the server's CLEF files so far (the server keeps writing while this reads).</summary>
    private static List<JsonElement> ServerLog(ServerHost host)
    {
        var lines = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(Path.Combine(host.DataDirectory, "logs"), "server-*.clef"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { Length: > 0 } line)
            {
                lines.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return lines;
    }
}
