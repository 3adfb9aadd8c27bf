using OrgRestructure.EventStore.Streams;
using OrgRestructure.Workflows.Definitions;
using OrgRestructure.Workflows.State;

namespace OrgRestructure.Server.Features.Cases;

/// <summary>One read of a case's stream: its events, their fold and the definition version it runs on.</summary>
public sealed record CaseRead(CaseState State, IReadOnlyList<StoredEvent> Events, WorkflowDefinition Definition);
