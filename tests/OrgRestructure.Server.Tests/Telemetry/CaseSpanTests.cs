using System.Collections.Concurrent;
using System.Diagnostics;
using OrgRestructure.Messaging;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Telemetry;

public sealed class CaseSpanTests
{
    [Fact]
    public async Task the_request_that_completes_a_task_and_the_consume_that_notifies_about_it_are_spans_tagged_with_the_case_id()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await ServerHost.StartAsync();
        var caseId = await FirstStep.DoneAsync(host);

        bool AboutTheCase(Activity span, string source) => span.Source.Name == source && span.GetTagItem(MessagingMetrics.CaseIdTag) as string == caseId;
        await Eventually.UntilAsync(() => spans.Any(s => AboutTheCase(s, "MassTransit")), "a MassTransit consume span about the case");
        var request = Assert.Single(spans, s => AboutTheCase(s, "Microsoft.AspNetCore") && s.GetTagItem("http.request.method") as string == "POST" && s.GetTagItem("url.path") is string path && path.EndsWith("/complete", StringComparison.Ordinal) && path.Contains("task-001", StringComparison.Ordinal));
        Assert.Equal(ActivityKind.Server, request.Kind);
    }
}
