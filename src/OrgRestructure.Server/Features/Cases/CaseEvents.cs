namespace OrgRestructure.Server.Features.Cases;

/// <summary>A committee the case forms (from the plan).</summary>
public sealed record CommitteePlan(string Name, string Bloc, int Organizations, int Members, bool NeedsException);

public sealed record CaseStarted(string CaseId, string DefinitionId, int DefinitionVersion, string Province, string District, IReadOnlyList<CommitteePlan> Committees, string? CampaignId);

public sealed record TaskOpened(string TaskId, int Step, DateTimeOffset DueAt);

public sealed record TaskClaimed(string TaskId, string UserName);

public sealed record TaskReleased(string TaskId, string UserName);

public sealed record TaskReassigned(string TaskId, string? FromUser, string ToUser);

/// <summary>A step's form as submitted, with the outcome the server computed and explained.</summary>
public sealed record TaskCompleted(string TaskId, int Step, IReadOnlyDictionary<string, string> Data, string OutcomeVi, string OutcomeEn);

/// <summary>Vetting refused a candidate: the slate goes back to step 1 (history kept).</summary>
public sealed record SlateReturned(int FromStep, int ToStep, string ReasonVi, string ReasonEn);

public sealed record CaseCompleted(string SummaryVi, string SummaryEn);

public sealed record CaseCancelled(string Reason);

/// <summary>The event type names as stored (the record's name); one list so readers and writers agree.</summary>
public static class CaseEventTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [nameof(CaseStarted)] = typeof(CaseStarted),
        [nameof(TaskOpened)] = typeof(TaskOpened),
        [nameof(TaskClaimed)] = typeof(TaskClaimed),
        [nameof(TaskReleased)] = typeof(TaskReleased),
        [nameof(TaskReassigned)] = typeof(TaskReassigned),
        [nameof(TaskCompleted)] = typeof(TaskCompleted),
        [nameof(SlateReturned)] = typeof(SlateReturned),
        [nameof(CaseCompleted)] = typeof(CaseCompleted),
        [nameof(CaseCancelled)] = typeof(CaseCancelled),
    };
}
