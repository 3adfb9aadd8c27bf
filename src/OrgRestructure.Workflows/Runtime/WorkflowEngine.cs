using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Calendar;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.Events;
using OrgRestructure.Workflows.Forms;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// Event-sourced workflow engine: load (fold the case stream) → decide (activities emit events
/// on a session) → append at the loaded version → the new state is the fold. The clock is read
/// once per command and recorded in the events; nothing else is nondeterministic.
/// </summary>
public sealed partial class WorkflowEngine(
    IEventStore store,
    WorkflowDefinitionRegistry definitions,
    TimeProvider? clock = null,
    ILogger<WorkflowEngine>? logger = null,
    IDueCaseIndex? dueCases = null,
    HolidayCalendar? holidays = null) : IWorkflowEngine
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly HolidayCalendar _holidays = holidays ?? HolidayCalendar.Shipped;
    private readonly ILogger _logger = logger ?? NullLogger<WorkflowEngine>.Instance;

    public WorkflowDefinitionRegistry Definitions { get; } = definitions;

    public async Task<CaseCommandResult> StartCaseAsync(string definitionId, JsonObject input, Actor actor, CommandOptions? options = null, int? definitionVersion = null, CancellationToken cancellationToken = default)
    {
        options = Correlated(options);
        var definition = Definitions.Get(definitionId, definitionVersion);
        var caseId = options.CommandId is { } commandId ? CaseIdFor(commandId) : CaseStreamFolder.StreamPrefix + Guid.NewGuid().ToString("N");
        if (options.CommandId is not null)
        {
            var existing = await store.ReadStreamAsync(caseId, cancellationToken: cancellationToken);
            if (existing.Count > 0)
            {
                return Duplicate(caseId, existing, options.CommandId);
            }
        }

        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["CaseId"] = caseId,
            ["Actor"] = actor.Id,
            ["CorrelationId"] = options.CorrelationId!.Value.ToString("N"),
            ["Step"] = definition.Steps[0].Id,
        });
        var caseInput = input.Normalized();
        var parameters = ResolveParameters(definition, caseInput);
        FormValidator.Ensure(definition.Input, caseInput);

        var session = new CaseSession(definition, new CaseState(), actor, _clock.GetUtcNow(), _holidays);
        session.Emit(new CaseStarted(caseId, definition.Id, definition.Version, definition.Hash, definition.Title, caseInput, parameters, definition.Steps[0].Id, actor.Id, session.Now));
        CaseRunner.Advance(session);
        return await AppendAsync(session, AppendRequest.NoStream, [], options, cancellationToken);
    }

    public async Task<CaseState> GetCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(caseId, cancellationToken: cancellationToken);
        return events.Count == 0 ? throw WorkflowNotFound.Case(caseId) : CaseStreamFolder.Fold(events);
    }

    public async Task<CaseState> GetCaseAtAsync(string caseId, long? version = null, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadStreamAsync(caseId, new StreamRange(1, version, at), cancellationToken);
        return events.Count == 0 ? throw WorkflowNotFound.Case(caseId) : CaseStreamFolder.Fold(events);
    }

    public async Task<IReadOnlyList<WorkTask>> ListOpenTasksAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        var caseIds = query.CaseId is { } one ? [one] : await CaseIdsAsync(cancellationToken);
        var tasks = new List<WorkTask>();
        foreach (var caseId in caseIds)
        {
            var state = await GetCaseAsync(caseId, cancellationToken);
            if (state.Status != CaseStatus.Running)
            {
                continue;
            }

            tasks.AddRange(state.OpenTasks.Where(t =>
                (query.Role is null || t.AssigneeRole == query.Role || t.CandidateGroups.Contains(query.Role))
                && (query.Scope is null || t.Scope == query.Scope)
                && (query.Assignee is null || t.Assignee == query.Assignee)));
        }

        return tasks;
    }

    /// <summary>
    /// The command's correlation id, decided once so that its log lines and its events carry the same
    /// one: the caller's, else the current request's trace (what the request's own log lines carry),
    /// else a new one for background work (deadlines, imports).
    /// </summary>
    private static CommandOptions Correlated(CommandOptions? options)
    {
        options ??= new CommandOptions();
        if (options.CorrelationId is not null)
        {
            return options;
        }

        var trace = Activity.Current?.TraceId;
        return options with { CorrelationId = trace is { } t && t != default ? Guid.ParseExact(t.ToHexString(), "N") : Guid.NewGuid() };
    }

    /// <summary>The case id a start command with this CommandId creates (stable across retries).</summary>
    public static string CaseIdFor(string commandId) =>
        CaseStreamFolder.StreamPrefix + new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("start:" + commandId)).AsSpan(0, 16)).ToString("N");

    private async Task<IReadOnlyList<string>> CaseIdsAsync(CancellationToken cancellationToken) =>
        (await store.ListStreamsAsync(cancellationToken)).Where(s => s.StartsWith(CaseStreamFolder.StreamPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>Load, check, decide, run on, append — the shape of every command on an existing case.</summary>
    private async Task<CaseCommandResult> ExecuteAsync(string caseId, Actor actor, CommandOptions? options, Action<CaseSession> decide, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        options = Correlated(options);
        var events = await store.ReadStreamAsync(caseId, cancellationToken: cancellationToken);
        if (events.Count == 0)
        {
            throw WorkflowNotFound.Case(caseId);
        }

        if (options.CommandId is { } commandId && events.Any(e => e.CommandId == commandId))
        {
            return Duplicate(caseId, events, commandId);
        }

        var state = CaseStreamFolder.Fold(events);
        if (options.ExpectedVersion is { } expected && expected != state.Version)
        {
            throw new ConcurrencyException(caseId, expected, state.Version);
        }

        var definition = Definitions.Find(state.DefinitionId, state.DefinitionVersion)
            ?? throw WorkflowNotFound.Definition(state.DefinitionId, state.DefinitionVersion);
        if (definition.Hash != state.DefinitionHash)
        {
            throw new WorkflowConflict(
                "definition-changed",
                $"Quy trình {definition.Id} phiên bản {definition.Version} đã bị sửa sau khi hồ sơ bắt đầu; hãy phát hành phiên bản mới thay vì sửa.",
                $"{definition.Id} version {definition.Version} was edited after this case started; publish a new version instead of editing one.");
        }

        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["CaseId"] = caseId,
            ["Actor"] = actor.Id,
            ["CorrelationId"] = options.CorrelationId!.Value.ToString("N"),
            ["Step"] = string.Join(",", state.CurrentSteps.Select(s => s.StepId)),
        });
        // The session folds new events into this same state object, so remember where it was loaded.
        var loadedVersion = state.Version;
        var session = new CaseSession(definition, state, actor, now ?? _clock.GetUtcNow(), _holidays);
        decide(session);
        CaseRunner.Advance(session);
        return await AppendAsync(session, loadedVersion, events, options, cancellationToken);
    }

    private async Task<CaseCommandResult> AppendAsync(CaseSession session, long expectedVersion, IReadOnlyList<StoredEvent> loaded, CommandOptions options, CancellationToken cancellationToken)
    {
        var state = session.State;
        if (session.Pending.Count == 0)
        {
            return new CaseCommandResult(state.CaseId, state.Version, state.Version, false, [], state, loaded);
        }

        var metadata = new EventMetadata(session.Actor.Id, session.Actor.Role, options.CorrelationId ?? Guid.NewGuid(), options.CausationId);
        var request = new AppendRequest(
            state.CaseId,
            expectedVersion,
            session.Pending.Select(e => new NewEvent(EventTypeRegistry.NameOf(e), EventTypeRegistry.Serialize(e))).ToList(),
            metadata,
            options.CommandId);
        var result = await store.AppendAsync(request, cancellationToken);
        if (result.WasDuplicate)
        {
            return new CaseCommandResult(state.CaseId, result.FromVersion, result.ToVersion, true, result.Events.Select(e => e.Type).ToList(), await GetCaseAsync(state.CaseId, cancellationToken));
        }

        _logger.LogInformation("Case {CaseId}: {Count} events appended (v{From}–v{To}) by {Actor}", state.CaseId, session.Pending.Count, result.FromVersion, result.ToVersion, session.Actor.Id);
        WorkflowMetrics.Committed(session.Pending);
        return new CaseCommandResult(state.CaseId, result.FromVersion, result.ToVersion, false, request.Events.Select(e => e.Type).ToList(), state, [.. loaded, .. result.Events]);
    }

    private static CaseCommandResult Duplicate(string caseId, IReadOnlyList<StoredEvent> events, string commandId)
    {
        var first = events.Where(e => e.CommandId == commandId).ToList();
        return new CaseCommandResult(caseId, first[0].StreamVersion, first[^1].StreamVersion, true, first.Select(e => e.Type).ToList(), CaseStreamFolder.Fold(events), events);
    }

    private static JsonObject ResolveParameters(WorkflowDefinition definition, JsonObject input)
    {
        var result = new JsonObject();
        foreach (var (name, parameter) in definition.Parameters)
        {
            result[name] = parameter.Default.DeepClone();
        }

        if (input["parameters"] is not { } overrides)
        {
            return result;
        }

        input.Remove("parameters");
        var problems = new List<FieldProblem>();
        if (overrides is not JsonObject o)
        {
            throw WorkflowRuleViolation.Form([new("parameters", "phải là một đối tượng", "must be an object")]);
        }

        foreach (var (name, value) in o)
        {
            if (!definition.Parameters.TryGetValue(name, out var parameter))
            {
                problems.Add(new($"parameters.{name}", "không phải tham số của quy trình", "is not a parameter of this workflow"));
            }
            else if (!ParameterValues.Matches(parameter.Type, value))
            {
                problems.Add(new($"parameters.{name}", $"phải có kiểu {parameter.Type}", $"must be of type {parameter.Type}"));
            }
            else if (!parameter.Allows(value))
            {
                var labels = parameter.Options!.Values;
                problems.Add(new(
                    $"parameters.{name}",
                    $"{parameter.Title.Vi}: phải là một trong: {string.Join("; ", labels.Select(l => l.Vi))}",
                    $"{parameter.Title.En}: must be one of: {string.Join("; ", labels.Select(l => l.En))}"));
            }
            else
            {
                result[name] = value!.DeepClone();
            }
        }

        return problems.Count > 0 ? throw WorkflowRuleViolation.Form(problems) : result;
    }
}
