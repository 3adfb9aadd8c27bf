using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Runtime;

/// <summary>Every log line the engine writes about a case carries a correlation id, the one its events record.</summary>
public sealed class WorkflowEngineLogScopeTests
{
    [Fact]
    public async Task background_work_gets_a_new_correlation_id_on_its_log_lines_and_the_same_one_on_its_events()
    {
        var harness = new EngineHarness();
        var logger = new ScopeRecorder();
        var engine = new WorkflowEngine(harness.Store, harness.Registry, harness.Clock, logger);

        var started = await engine.StartCaseAsync("party-committee-formation", FormData.FormationInput(FormData.Committee("dx-government", "Đảng bộ Khối Chính quyền Duy Xuyên", 45)), EngineHarness.StandingCommittee);
        var task = started.State.OpenTasks.First();
        await engine.ClaimTaskAsync(started.CaseId, task.Id, EngineHarness.StandingCommittee);

        var events = await harness.Store.ReadStreamAsync(started.CaseId);
        Assert.Equal(2, logger.Lines.Count);
        Assert.All(logger.Lines, line => Assert.Matches("^[0-9a-f]{32}$", line.CorrelationId));
        Assert.Equal(events[0].CorrelationId.ToString("N"), logger.Lines[0].CorrelationId);
        Assert.Equal(events[^1].CorrelationId.ToString("N"), logger.Lines[1].CorrelationId);
        Assert.NotEqual(logger.Lines[0].CorrelationId, logger.Lines[1].CorrelationId);
    }

    [Fact]
    public async Task a_command_within_a_request_carries_the_request_trace_as_its_correlation_id()
    {
        var harness = new EngineHarness();
        var logger = new ScopeRecorder();
        var engine = new WorkflowEngine(harness.Store, harness.Registry, harness.Clock, logger);
        using var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        var started = await engine.StartCaseAsync("party-committee-formation", FormData.FormationInput(FormData.Committee("dx-government", "Đảng bộ Khối Chính quyền Duy Xuyên", 45)), EngineHarness.StandingCommittee);

        var line = Assert.Single(logger.Lines);
        Assert.Equal(request.TraceId.ToHexString(), line.CorrelationId);
        Assert.Equal(started.CaseId, line.CaseId);
        Assert.All(await harness.Store.ReadStreamAsync(started.CaseId), e => Assert.Equal(request.TraceId.ToHexString(), e.CorrelationId.ToString("N")));
    }

    /// <summary>Records each line with the case and correlation id of the scopes open around it.</summary>
    private sealed class ScopeRecorder : ILogger<WorkflowEngine>
    {
        private readonly AsyncLocal<IReadOnlyDictionary<string, object?>?> _scope = new();

        public List<(string? CaseId, string? CorrelationId)> Lines { get; } = [];

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var outer = _scope.Value;
            _scope.Value = state as IReadOnlyDictionary<string, object?>;
            return new Restore(() => _scope.Value = outer);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((_scope.Value?.GetValueOrDefault("CaseId") as string, _scope.Value?.GetValueOrDefault("CorrelationId") as string));

        private sealed class Restore(Action restore) : IDisposable
        {
            public void Dispose() => restore();
        }
    }
}
